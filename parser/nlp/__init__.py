"""Text processing: the spaCy pipeline, sections, items, mentions, attributes, dates, candidate."""

from .lazy_spacy import import_spacy

import_spacy()
