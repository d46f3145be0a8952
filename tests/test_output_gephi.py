"""GraphML and GEXF files validate against the schemas in ../shared and are deterministic."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from rdf_samples import co_working_graph, sample_graph
from rdflib import RDF, RDFS, Literal

from velferdsgraf.ontology.namespace import VG, VGID
from velferdsgraf.output.gexf import gexf_bytes, write_gexf
from velferdsgraf.output.graphml import graphml_bytes, write_graphml

SCHEMAS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "schemas"
needs_schemas = pytest.mark.skipif(
    not SCHEMAS.is_dir(), reason=f"schemas not found at {SCHEMAS} (../shared is absent)"
)
GEXF = "{http://gexf.net/1.3}"
VIZ = "{http://gexf.net/1.3/viz}"


def hostile_graph():
    """The sample plus labels that try to break XML: markup, quotes, control characters."""
    graph = sample_graph()
    labels = [("xss", "<img src=x onerror=alert(1)>"), ("quote", 'A "B" & \'C\''), ("ctrl", "Ola\x01Nordmann\n")]
    for slug, label in labels:
        graph.add((VGID[f"person/{slug}"], RDF.type, VG.Person))
        graph.add((VGID[f"person/{slug}"], RDFS.label, Literal(label)))
    return graph


@needs_schemas
@pytest.mark.parametrize("make_graph", [sample_graph, hostile_graph])
def test_output_graphml_validates_against_xsd(tmp_path, make_graph):
    from lxml import etree

    path = tmp_path / "graph.graphml"
    write_graphml(make_graph(), path)
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "graphml" / "graphml.xsd")))
    document = etree.parse(str(path))
    assert schema.validate(document), schema.error_log


@needs_schemas
@pytest.mark.parametrize("make_graph", [sample_graph, hostile_graph])
def test_output_gexf_validates_against_relaxng(tmp_path, make_graph):
    from lxml import etree

    path = tmp_path / "graph.gexf"
    write_gexf(make_graph(), path)
    schema = etree.RelaxNG(etree.parse(str(SCHEMAS / "gexf-1.3" / "gexf.rng")))
    document = etree.parse(str(path))
    assert schema.validate(document), schema.error_log


def test_output_graphml_keeps_ids_and_labels():
    from lxml import etree

    root = etree.fromstring(graphml_bytes(hostile_graph()))
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    node_ids = set(root.xpath("//g:node/@id", namespaces=ns))
    assert "person_silvija-seres" in node_ids
    assert "<img src=x onerror=alert(1)>" in root.xpath("//g:data/text()", namespaces=ns)
    for source in root.xpath("//g:edge/@source", namespaces=ns):
        assert source in node_ids


def test_output_gexf_has_viz_colour_size_position():
    from lxml import etree

    root = etree.fromstring(gexf_bytes(sample_graph()))
    node = root.find(f".//{GEXF}node[@id='person_silvija-seres']")
    assert node.get("label") == "Silvija Seres"
    assert node.find(f"{VIZ}color").attrib == {"r": "31", "g": "119", "b": "180", "a": "1.0"}
    assert float(node.find(f"{VIZ}size").get("value")) > 0
    position = node.find(f"{VIZ}position")
    assert abs(float(position.get("x"))) + abs(float(position.get("y"))) > 0
    edge = root.find(f".//{GEXF}edge[@id='participatesIn__person_silvija-seres__event_gentaenk-velfaerden-2019']")
    assert edge.get("weight") == "2.0" and edge.get("kind") == "participatesIn"


COLLABORATION_ID = "collaboratesWith__person_kari-holm__person_silvija-seres"


def test_output_gexf_has_metrics_and_one_direction_model():
    from lxml import etree

    root = etree.fromstring(gexf_bytes(co_working_graph()))
    titles = {a.get("title") for a in root.iter(f"{GEXF}attribute")}
    assert {"degree", "betweenness", "community", "collaborators", "altLabels", "contexts"} <= titles
    assert root.find(f"{GEXF}graph").get("defaultedgetype") == "directed"
    assert {edge.get("type") for edge in root.iter(f"{GEXF}edge")} == {None}  # every edge takes the default
    edge = root.find(f".//{GEXF}edge[@id='{COLLABORATION_ID}']")
    assert edge.get("kind") == "collaboratesWith" and edge.find(f"{VIZ}shape").get("value") == "dashed"
    assert root.find(f".//{GEXF}node[@id='organisation_nav-ski']/{VIZ}shape").get("value") == "square"


def test_output_graphml_is_one_directed_graph_and_keeps_metrics():
    from lxml import etree

    root = etree.fromstring(graphml_bytes(co_working_graph()))
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    names = set(root.xpath("//g:key/@attr.name", namespaces=ns))
    assert {"betweenness", "community", "collaborators", "contexts", "relation"} <= names
    assert root.xpath("//g:graph/@edgedefault", namespaces=ns) == ["directed"]
    assert root.xpath("//g:edge/@directed", namespaces=ns) == []
    assert root.xpath(f"//g:edge[@id='{COLLABORATION_ID}']", namespaces=ns)


@pytest.mark.parametrize("to_bytes, read", [(graphml_bytes, "read_graphml"), (gexf_bytes, "read_gexf")],
                         ids=["graphml", "gexf"])
def test_output_gephi_files_read_back_in_networkx(to_bytes, read):
    import networkx as nx

    net = getattr(nx, read)(io.BytesIO(to_bytes(co_working_graph())))
    assert net.is_directed() and net.number_of_nodes() == 9
    relations = {data["relation"] for *_, data in net.edges(data=True)}
    assert relations == {"memberOf", "locatedIn", "participatesIn", "collaboratesWith"}
    assert net.nodes["person_silvija-seres"]["label"] == "Silvija Seres"
    assert net.nodes["person_silvija-seres"]["collaborators"] == 1


def test_output_graphml_reads_in_igraph():
    igraph = pytest.importorskip("igraph", reason="igraph is not installed (pip install igraph)")
    import tempfile
    import warnings

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "graph.graphml"
        write_graphml(co_working_graph(), path)
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # igraph warns, for instance, on clashing attribute names
            net = igraph.Graph.Read_GraphML(str(path))
    assert net.is_directed() and net.vcount() == 9
    assert "collaboratesWith" in net.es["relation"]


@needs_schemas
@pytest.mark.parametrize("to_bytes", [gexf_bytes, graphml_bytes], ids=["gexf", "graphml"])
def test_output_gephi_files_of_the_examples_validate(to_bytes):
    from conftest import EXAMPLES
    from lxml import etree

    from velferdsgraf import build_graph

    graph = build_graph([EXAMPLES]).graph
    document = etree.fromstring(to_bytes(graph))
    if to_bytes is gexf_bytes:
        schema = etree.RelaxNG(etree.parse(str(SCHEMAS / "gexf-1.3" / "gexf.rng")))
    else:
        schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "graphml" / "graphml.xsd")))
    assert schema.validate(document), schema.error_log
    import networkx as nx

    read = nx.read_gexf if to_bytes is gexf_bytes else nx.read_graphml
    assert read(io.BytesIO(to_bytes(graph))).number_of_nodes() == len(document.findall(".//{*}node"))


@pytest.mark.parametrize("to_bytes", [gexf_bytes, graphml_bytes], ids=["gexf", "graphml"])
def test_output_gephi_files_are_deterministic(to_bytes):
    assert to_bytes(sample_graph()) == to_bytes(sample_graph())
