"""Web-page furniture every document kind shares: navigation, banners, cookie and share lines.

Pages saved from the inspectorate's, forces' and commissioners' sites carry lines that are
part of the site, not of the document. Listing them here, once, lets every grammar see the
document alone; the lines stay in ``unclassified`` with the reason given.
"""

from __future__ import annotations

from collections.abc import Sequence

from peelparse import Furniture, hookimpl

_SITE = "(?:HMIC|HMICFRS|PCC|OPCC|PFCC|[A-Z][a-z]+(?: [A-Z][a-z]+)*)"

FURNITURE: tuple[Furniture, ...] = (
    Furniture(
        r"(?:skip to (?:main )?content|skip to (?:main )?menu|skip to navigation)"
        r"(?: skip to (?:main )?(?:content|menu|navigation))*",
        "navigation",
    ),
    Furniture(
        r"(?:leave (?:this )?site|exit (?:this )?site|quickly exit this site.*)"
        r"(?: skip to (?:main )?content)?",
        "navigation",
    ),
    Furniture(
        r"main content is below|open menu|close menu|menu|search|back to top|"
        r"print this (?:document|page|report)|printable version|print|"
        r"share(?: this page)?|contents",
        "navigation",
    ),
    Furniture(r"english\s*\|?\s*cymraeg|cymraeg|english", "language switch"),
    Furniture(r"you are here:.*|home\s*(?:»|>|›|/).*", "breadcrumb"),
    Furniture(r"read more about [A-Z][\w&' -]*(?: 20\d\d)?", "navigation"),
    Furniture(r"contact [A-Z][\w’'-]+(?: [A-Z][\w’'-]+){0,3}", "contact link"),
    Furniture(r"planned website downtime|the \S+ website will be unavailable .*", "site banner"),
    Furniture(r"\S+ is consulting on .*|please give us your views by .*", "site banner"),
    Furniture(r"this site is a beta, .*|this is a new service.*", "site banner"),
    Furniture(
        r"(?:we use|this site uses|this website uses) cookies.*|accept (?:all )?cookies|"
        r"reject (?:all )?(?:additional )?cookies|cookie (?:settings|preferences)|"
        r"(?:manage|change) cookies",
        "cookie banner",
    ),
    Furniture(
        r"rate this page.*|was this page (?:useful|helpful)\??.*|"
        r"other pages in this section|related (?:pages|links)",
        "page footer",
    ),
    Furniture(
        r"subscribe to our newsletter|keep up to date.*newsletter.*|sign up to .*newsletter.*",
        "page footer",
    ),
    Furniture(
        r"get the free pdf reader from adobe.*|download (?:adobe )?acrobat reader.*", "page footer"
    ),
    Furniture(
        r"(?:(?:facebook|twitter|x|youtube|instagram|linkedin|linkedim|flickr|tiktok)\s*)+",
        "social links",
    ),
    # The next two would scan every line of prose to its end; the words they need spare them
    # the lines that lack those words.
    Furniture(
        r"(?:T: [\d ]+ )?E: \[email\s*protected\].*|.*change font size.*",
        "site header",
        needs=("protected", "change font"),
    ),
    Furniture(
        rf"(?:the )?(?:logo for )?{_SITE}(?:'s|’s)? logo|the logo for .*",
        "image alt text",
        needs=("logo",),
    ),
)


@hookimpl
def peelparse_furniture() -> Sequence[Furniture]:
    return FURNITURE
