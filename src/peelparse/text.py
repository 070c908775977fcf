"""Reading the domain out of text: forces, cycles, pillars, judgments, normalised wording."""

from peelparse._forces import FORCES, first_force_in, force_by_slug, force_named, forces_in
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
    "FORCES",
    "GLUED_GRADE",
    "GRADE_LINE",
    "GRADE_PATTERN",
    "GRADE_WORDS",
    "HEADLINE_QUESTION",
    "AnchoredPattern",
    "LazyPattern",
    "About",
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
    "join_lines",
    "judgements_in",
    "judgements_of",
    "may_name_grade",
    "may_pair_area",
    "overlap",
    "sentences",
    "strip_marks",
]
