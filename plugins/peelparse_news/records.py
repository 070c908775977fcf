"""Records of a news story or commentary about inspections."""

from __future__ import annotations

from typing import ClassVar

import attrs

from peelparse import Document, Force, Heading, Judgement, Paragraph, Quote, Role, Span


@attrs.frozen(kw_only=True)
class ForceJudgement:
    """A judgement the story states, with the force its sentence names: on a story about
    several forces each grade keeps its own force."""

    force: Force | None
    """The force the judgement's sentence names; else the only force its paragraph names;
    else the story's force when the story names one force at most; otherwise ``None``."""
    judgement: Judgement
    """The judgement."""


@attrs.frozen(kw_only=True)
class NewsArticle(Document):
    """A news story, or commentary, about an inspection: headline (``title``), outlet, date,
    byline, what it says and whom it quotes. ``force`` is ``None`` for a story about several
    forces; ``forces_named`` lists them."""

    kind: ClassVar[str] = "news_article"
    role: ClassVar[Role | None] = Role.COVERAGE
    id_name: ClassVar[str | None] = "news"

    outlet: str | None = None
    """The publication, as the text names it ("BBC Wales", "the Evening Gazette"); ``None``
    when the text does not name it."""
    outlet_span: Span | None = None
    """Where it is named."""
    published: str | None = None
    """The date the story was published, ``YYYY-MM-DD``, from its first date line that is
    not an update."""
    published_text: str | None = None
    """That date line as written."""
    published_text_span: Span | None = None
    """Where it is."""
    byline: str | None = None
    """The byline as written ("By Jane Example, Crime reporter")."""
    byline_span: Span | None = None
    """Where it is."""
    author: str | None = None
    """Who wrote the story, from its byline ("Jane Example")."""
    author_span: Span | None = None
    """Where the name is."""
    forces_named: tuple[Force, ...] = ()
    """Every force the story names, in the order first named."""
    headings: tuple[Heading, ...] = ()
    """Cross-heads and other short lines that label what follows; date lines and bylines
    after the first of each (an "Updated" line, a second story's)."""
    paragraphs: tuple[Paragraph, ...] = ()
    """The story's paragraphs and list items, quotations included, in order."""
    force_judgements: tuple[ForceJudgement, ...] = ()
    """The judgements again, each with the force its sentence names."""
    quotes: tuple[Quote, ...] = ()
    """Whom the story quotes and their words, read by the core's quote reader."""
