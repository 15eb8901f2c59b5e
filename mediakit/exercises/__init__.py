"""The exercise engine: exercises as data, widgets that save every answer, grading as data.

Data flow: instructor/exercises/*.yaml (with answers) --release--> exercises/*.yaml (hashed)
--Lesson.show--> widgets --AnswerStore--> mediakit-answers.json --grade--> grades.csv.
"""

from .grade import grade, load_key, main_grade
from .lesson import Lesson
from .release import main_release, release
from .validate import validate_exercises

__all__ = ["Lesson", "grade", "load_key", "main_grade", "main_release", "release",
           "validate_exercises"]
