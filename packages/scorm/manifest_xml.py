"""Reading a SCORM manifest whatever its namespaces: elements and attributes
by local name (pure; shared by `validation` and `sequencing`)."""

from __future__ import annotations

from xml.etree.ElementTree import Element


def local(tag: object) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def children(element: Element, name: str) -> list[Element]:
    return [child for child in element if local(child.tag) == name]


def child(element: Element, name: str) -> Element | None:
    found = children(element, name)
    return found[0] if found else None


def attr(element: Element, name: str) -> str:
    """An attribute by local name, whatever its namespace or case (1.2 writes
    adlcp:scormtype, 2004 adlcp:scormType); "" when absent."""
    for key, value in element.attrib.items():
        if local(key).lower() == name.lower():
            return value.strip()
    return ""


def declared(element: Element, name: str) -> str | None:
    """An attribute by its exact local name; None when absent (unlike
    `attr`, an absent attribute and an empty one differ)."""
    for key, value in element.attrib.items():
        if local(key) == name:
            return value.strip()
    return None


def text(element: Element | None) -> str:
    return (element.text or "").strip() if element is not None else ""
