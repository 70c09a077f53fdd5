"""The schema's versions by name, known without loading the migrations (and sqlite-utils with them).

A test keeps this list equal to the migrations ``schema`` defines.
"""

MIGRATION_SET = "policy_annotator"
KNOWN_MIGRATIONS = (
    "m001_initial",
    "m002_find_by_text",
    "m003_article_counts",
    "m004_span_ids_never_reused",
    "m005_original_title",
    "m006_spans_in_text_order",
    "m007_codebook",
    "m008_articles_as_data",
    "m009_corpus_search",
    "m010_several_analysts",
    "m011_spans_by_analyst",
    "m012_spans_by_layer",
    "m013_unit_ids_worked_out",
)
