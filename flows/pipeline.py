"""One document through the stages clean -> metadata -> structure -> targets -> indicators.

Plain functions, no Prefect: flows/flow.py calls `build_batch` from a task per batch of
documents, and tests call them directly.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from dataclasses import dataclass

from flows import clean as clean_stage
from flows import indicators as indicators_stage
from flows import metadata as metadata_stage
from flows import readers, registry
from flows import structure as structure_stage
from flows import targets as targets_stage
from flows.ingest import RawDocument


def doc_id_for(sha256: str, manifest: dict | None = None) -> str:
    """The document's identity, not its file's name: its registry id, else its canonical URL, else
    its bytes (flows.registry.identity_key). Renaming the file keeps the id; two documents with
    different registry ids, URLs or bytes never share one."""
    return hashlib.sha256(registry.identity_key(sha256, manifest).encode("utf-8")).hexdigest()[:16]


def with_page_metadata(manifest: dict) -> tuple[dict, set[str]]:
    """The manifest with a portal page's metadata table in front of it (text first, then the page,
    then the manifest), and the fields the page gives."""
    page = manifest.get("page_metadata") or {}
    given = {readers.PAGE_FIELDS[k]: v for k, v in page.items() if k in readers.PAGE_FIELDS and v}
    return {**manifest, **given}, set(given)


def published_date(cleaned: clean_stage.CleanResult, manifest: dict) -> dt.date | None:
    """The date the page says it was published: its metadata table's (an HTML page), else a line of
    page facts the clean stage dropped (发布日期:2022-02-15 in a page saved as text)."""
    published = (manifest.get("page_metadata") or {}).get("published_date")
    try:
        return dt.date.fromisoformat(published) if published else cleaned.page_date
    except ValueError:
        return cleaned.page_date


@dataclass
class DocumentTables:
    """The rows one document contributes to each published table."""
    document: dict
    sections: list[dict]
    targets: list[dict]
    text: dict
    warnings: list[str]


def build_document(raw: RawDocument) -> DocumentTables:
    doc_id = doc_id_for(raw.sha256, raw.manifest)
    cleaned = clean_stage.clean(raw.text)
    known, from_page = with_page_metadata(raw.manifest)
    meta = metadata_stage.document_metadata(cleaned.clean_text, known, page_date=published_date(cleaned, raw.manifest),
                                            page_facts=cleaned.page_facts, page_footer=cleaned.page_footer)
    if from_page:
        sources = json.loads(meta["metadata_sources"])
        sources.update({k: "page" for k, v in sources.items() if v == "manifest" and k in from_page})
        meta["metadata_sources"] = json.dumps(sources, ensure_ascii=False, sort_keys=True)
    sections = structure_stage.build_sections(doc_id, cleaned.clean_text)
    ctx = targets_stage.DocumentContext(
        doc_id=doc_id, plan_start_year=meta["plan_start_year"], plan_end_year=meta["plan_end_year"],
        issue_year=meta["issue_date"].year if meta["issue_date"] else None,
        doc_type=meta["doc_type"], doc_year=metadata_stage.year_its_targets_are_for(meta))
    targets = targets_stage.extract_targets(cleaned.clean_text, sections, ctx)
    indicators_stage.assign_codes(targets)
    warnings = [f"{raw.source_file}: {w}" for w in meta["warnings"]]
    if not targets:
        warnings.append(f"{raw.source_file}: no target found")
    document = {
        "doc_id": doc_id, "source_file": raw.source_file, "sha256": raw.sha256, "encoding": raw.encoding,
        **{k: meta[k] for k in ("title", "doc_number", "issuer", "issue_date", "region_name", "region_code",
                                "admin_level", "doc_year", "plan_start_year", "plan_end_year", "doc_type")},
        "script": cleaned.script, "source_url": meta["source_url"], "source_id": raw.manifest.get("source_id"),
        "source_format": raw.manifest.get("source_format", "text"), "retrieved_at": raw.manifest.get("retrieved_at"),
        "metadata_sources": meta["metadata_sources"],
        "metadata_evidence": meta["metadata_evidence"],
        "clean_chars": len(cleaned.clean_text),
        "fix_counts": json.dumps(cleaned.fix_counts, ensure_ascii=False, sort_keys=True),
        "n_sections": len(sections), "n_targets": len(targets),
    }
    section_rows = []
    for s in sections:
        row = dataclasses.asdict(s)
        row.pop("own_lead_unit")
        row.pop("own_domain")
        section_rows.append(row)
    return DocumentTables(document, section_rows, targets, {"doc_id": doc_id, "clean_text": cleaned.clean_text},
                          warnings)


def code_version() -> str:
    """Version of everything that shapes a document's rows: derived from the modules this one
    imports, the rules and the reference tables (flows.cache.code_version)."""
    from flows import cache
    return cache.code_version()


def one_per_document(tables: list[DocumentTables], warnings: list[str]) -> list[DocumentTables]:
    """One row per doc_id: without a registry id or URL a document is its bytes, so the same bytes
    under two names are one document, built once (the first name in order), with a warning."""
    kept: dict[str, DocumentTables] = {}
    for t in sorted(tables, key=lambda t: t.document["source_file"]):
        first = kept.setdefault(t.document["doc_id"], t)
        if first is not t:
            warnings.append(f"{t.document['source_file']}: the same document as {first.document['source_file']} "
                            f"(doc_id {t.document['doc_id']}); built once, under {first.document['source_file']}")
    return list(kept.values())
