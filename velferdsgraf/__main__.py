"""python -m velferdsgraf"""
from .cli import main

main()
