"""Otter test q2 (OK format) for the side-by-side benchmark: see ../README.md."""

OK_FORMAT = True

test = {
    "name": "q2",
    "points": 2,
    "suites": [
        {
            "cases": [
                {
                    "code": (
                        ">>> set(opinion_signs) == {'judgement', 'scare-quotes'}\n"
                        'True'
                    ),
                    "hidden": False,
                    "locked": False,
                },
            ],
            "scored": True,
            "setup": "",
            "teardown": "",
            "type": "doctest",
        },
    ],
}
