"""Reading the domain out of text: forces, cycles, pillars, judgments, normalised wording."""

from peelparse._date_lines import DateLine, read_date_line
from peelparse._forces import (
    FORCES,
    first_force_in,
    force_by_slug,
    force_named,
    forces_in,
    forces_named_in,
)
from peelparse._grade_lines import (
    AREA_GRADE,
    BULLET_GRADE,
    GLUED_GRADE,
    GRADE_LINE,
    area_grade,
    may_pair_area,
)
from peelparse._judgements import ProseJudgement, judgements_in
from peelparse._lazy import AnchoredPattern, LazyPattern
from peelparse._metadata import (
    HEADLINE_QUESTION,
    About,
    Cycle,
    about,
    find_cycle,
    find_force,
    find_pillar,
)
from peelparse._page_grades import judgements_of
from peelparse._quotes import quotes_in
from peelparse._speakers import (
    CLOSING,
    OPENING,
    PRONOUNS,
    SAID,
    SAID_AFTER,
    SAID_BEFORE,
    Who,
    leaves_open,
    may_attribute_after,
    may_introduce,
    may_quote_after,
    read_who,
)
from peelparse._text import (
    content_words,
    end_before_bold,
    join_lines,
    overlap,
    sentences,
    strip_marks,
)
from peelparse._vocab import GRADE_PATTERN, GRADE_WORDS, may_name_grade

__all__ = [
    "AREA_GRADE",
    "BULLET_GRADE",
    "CLOSING",
    "FORCES",
    "GLUED_GRADE",
    "GRADE_LINE",
    "GRADE_PATTERN",
    "GRADE_WORDS",
    "HEADLINE_QUESTION",
    "OPENING",
    "PRONOUNS",
    "SAID",
    "SAID_AFTER",
    "SAID_BEFORE",
    "Who",
    "AnchoredPattern",
    "LazyPattern",
    "About",
    "DateLine",
    "Cycle",
    "ProseJudgement",
    "about",
    "area_grade",
    "content_words",
    "end_before_bold",
    "find_cycle",
    "find_force",
    "find_pillar",
    "first_force_in",
    "force_by_slug",
    "force_named",
    "forces_in",
    "forces_named_in",
    "join_lines",
    "judgements_in",
    "judgements_of",
    "leaves_open",
    "may_attribute_after",
    "may_introduce",
    "may_name_grade",
    "may_pair_area",
    "may_quote_after",
    "overlap",
    "quotes_in",
    "read_date_line",
    "read_who",
    "sentences",
    "strip_marks",
]
