"""The API's OpenAPI 3.1 description; tests validate real responses against these schemas."""
from .params import FACETS

STRING = {"type": "string"}
NULLABLE_STRING = {"type": ["string", "null"]}
INTEGER = {"type": "integer"}
STRINGS = {"type": "array", "items": STRING}


def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def page_of(name):
    return {
        "type": "object",
        "required": ["count", "page", "pages", "next", "previous", "results"],
        "properties": {
            "count": INTEGER, "page": INTEGER, "pages": INTEGER,
            "next": NULLABLE_STRING, "previous": NULLABLE_STRING,
            "results": {"type": "array", "items": ref(name)},
        },
    }


SCHEMAS = {
    "Error": {"type": "object", "required": ["error", "detail"], "properties": {"error": STRING, "detail": STRING}},
    "FacetValue": {"type": "object", "required": ["value", "count"], "properties": {"value": STRING, "count": INTEGER}},
    "SearchResult": {
        "type": "object",
        "required": ["id", "title", "published", "source", "url", "parks", "snippet"],
        "properties": {
            "id": INTEGER, "title": STRING, "published": NULLABLE_STRING, "source": NULLABLE_STRING,
            "url": STRING, "parks": STRINGS, "snippet": {"type": "string", "description": "HTML: escaped text with <mark> highlights"},
        },
    },
    "SearchResponse": {
        "type": "object",
        "required": ["total", "page", "pages", "results", "facets", "notices"],
        "properties": {
            "total": INTEGER, "page": INTEGER, "pages": INTEGER,
            "results": {"type": "array", "items": ref("SearchResult")},
            "facets": {
                "type": "object",
                "properties": {name: {"type": "array", "items": ref("FacetValue")} for name in FACETS},
                "required": list(FACETS),
            },
            "notices": {"type": "array", "items": STRING, "description": "Why a parameter was ignored or adjusted"},
        },
    },
    "Article": {
        "type": "object",
        "required": ["id", "title", "subtitle", "published", "date_precision", "source", "authors", "url", "permalink",
                     "parks", "regions", "figures", "initiatives", "flags", "text"],
        "properties": {
            "id": INTEGER, "title": STRING, "subtitle": STRING, "published": NULLABLE_STRING,
            "date_precision": {"enum": ["day", "month", "year", "unknown"]}, "source": NULLABLE_STRING,
            "authors": STRINGS, "url": NULLABLE_STRING, "permalink": STRING, "regions": STRINGS, "flags": STRINGS,
            "text": STRING,
            "parks": {"type": "array", "items": {"type": "object", "required": ["name", "full_name", "province", "salience"],
                                                 "properties": {"name": STRING, "full_name": STRING, "province": STRING,
                                                                "salience": {"enum": ["subject", "mention"]}}}},
            "figures": {"type": "array", "items": {"type": "object", "required": ["name", "role", "quote"],
                                                   "properties": {"name": STRING, "role": STRING, "quote": STRING}}},
            "initiatives": {"type": "array", "items": {"type": "object", "required": ["name", "category"],
                                                       "properties": {"name": STRING, "category": STRING}}},
        },
    },
    "Park": {
        "type": "object",
        "required": ["slug", "name", "full_name", "aliases", "kind", "province", "city", "macro_regions", "approval_year", "url"],
        "properties": {
            "slug": STRING, "name": STRING, "full_name": STRING, "aliases": STRINGS,
            "kind": {"enum": ["hitech_zone", "new_area", "other"]}, "province": STRING, "city": STRING,
            "macro_regions": STRINGS, "approval_year": {"type": ["integer", "null"]}, "url": STRING,
        },
    },
    "Figure": {
        "type": "object",
        "required": ["id", "name", "aliases", "role", "organisation", "park", "url"],
        "properties": {"id": INTEGER, "name": STRING, "aliases": STRINGS, "role": STRING, "organisation": STRING,
                       "park": NULLABLE_STRING, "url": STRING},
    },
    "Initiative": {
        "type": "object",
        "required": ["id", "name", "aliases", "category", "park", "first_seen", "description", "url"],
        "properties": {"id": INTEGER, "name": STRING, "aliases": STRINGS, "category": STRING, "park": NULLABLE_STRING,
                       "first_seen": NULLABLE_STRING, "description": STRING, "url": STRING},
    },
}
for _name in ("Park", "Figure", "Initiative"):
    SCHEMAS[f"{_name}Page"] = page_of(_name)

SEARCH_PARAMETERS = [
    {"name": "q", "in": "query", "schema": STRING, "description": "Query: words (AND), OR, -word, \"phrase\", title:/park:/figure:/source:/region:/initiative:"},
    *({"name": name, "in": "query", "schema": STRINGS, "style": "form", "explode": True,
       "description": f"Filter by {name}; repeat to OR values"} for name in FACETS),
    {"name": "from", "in": "query", "schema": STRING, "description": "Start date: YYYY, YYYY-MM or YYYY-MM-DD"},
    {"name": "to", "in": "query", "schema": STRING, "description": "End date: YYYY, YYYY-MM or YYYY-MM-DD"},
    {"name": "sort", "in": "query", "schema": {"enum": ["relevance", "newest", "oldest"]}},
    {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1}},
]
PAGE_PARAMETER = [{"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1}}]
ERRORS = {
    "400": {"description": "Invalid parameter", "content": {"application/json": {"schema": ref("Error")}}},
    "404": {"description": "No such record", "content": {"application/json": {"schema": ref("Error")}}},
    "429": {"description": "Too many requests from this client", "content": {"application/json": {"schema": ref("Error")}}},
}


def operation(summary, schema, parameters=()):
    return {"get": {"summary": summary, "parameters": list(parameters),
                    "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": ref(schema)}}}, **ERRORS}}}


def path_parameter(name, kind):
    return [{"name": name, "in": "path", "required": True, "schema": kind}]


PATHS = {
    "search": operation("Search articles (same parameters and facets as /search/)", "SearchResponse", SEARCH_PARAMETERS),
    "articles/{id}": operation("One article with its entities and text", "Article", path_parameter("id", INTEGER)),
    "parks": operation("National high-tech zones and new areas", "ParkPage", PAGE_PARAMETER),
    "parks/{slug}": operation("One park", "Park", path_parameter("slug", STRING)),
    "figures": operation("People named in articles", "FigurePage", PAGE_PARAMETER),
    "figures/{id}": operation("One figure", "Figure", path_parameter("id", INTEGER)),
    "initiatives": operation("Programmes, projects and mechanisms", "InitiativePage", PAGE_PARAMETER),
    "initiatives/{id}": operation("One initiative", "Initiative", path_parameter("id", INTEGER)),
}


def openapi_document(base_url: str) -> dict:
    return {
        "openapi": "3.1.0",
        "info": {"title": "Gaoxin Archive API", "version": "1", "description": "Read-only access to the archive; rate-limited per client."},
        "servers": [{"url": base_url}],
        "paths": {f"/{path}": spec for path, spec in PATHS.items()},
        "components": {"schemas": SCHEMAS},
    }
