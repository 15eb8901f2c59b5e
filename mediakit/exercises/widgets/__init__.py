"""One widget class per exercise type."""

from .base import ExerciseBox
from .checklist import ChecklistBox
from .choice import MultipleChoiceBox, SingleChoiceBox
from .highlight import HighlightBox, HighlightWidget
from .short import ShortAnswerBox
from .student import StudentBox
from .tag import TagBox

BOXES = {"single_choice": SingleChoiceBox, "multiple_choice": MultipleChoiceBox,
         "highlight": HighlightBox, "tag": TagBox, "checklist": ChecklistBox,
         "short_answer": ShortAnswerBox}

__all__ = ["BOXES", "ChecklistBox", "ExerciseBox", "HighlightBox", "HighlightWidget",
           "MultipleChoiceBox", "ShortAnswerBox", "SingleChoiceBox", "StudentBox", "TagBox"]
