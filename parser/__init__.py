"""credparse: find, resolve and verify the credentials in résumés.

>>> from parser import CredentialParser
>>> cp = CredentialParser()                 # loads the catalog and pipeline once
>>> profile = cp.parse("resume.pdf")        # or cp.parse(data, filename="cv.docx")
>>> profile.model_dump_json()
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .version import __version__

if TYPE_CHECKING:
    from .library import CredentialParser
    from .models import CandidateProfile

__all__ = ["CredentialParser", "CandidateProfile", "parse", "__version__"]

_default: Any = None


def __getattr__(name: str) -> Any:
    # Lazy imports keep `import parser` cheap for the CLI's fast paths.
    if name == "CredentialParser":
        from .library import CredentialParser

        return CredentialParser
    if name == "CandidateProfile":
        from .models import CandidateProfile

        return CandidateProfile
    raise AttributeError(name)


def parse(source: Any, **kwargs: Any) -> CandidateProfile:
    """Parse one résumé with a shared default :class:`CredentialParser`."""
    global _default
    from .library import CredentialParser

    if _default is None:
        _default = CredentialParser()
    return _default.parse(source, **kwargs)
