"""Otter test q3 (OK format) for the side-by-side benchmark: see ../README.md."""

OK_FORMAT = True

test = {
    "name": "q3",
    "points": 2,
    "suites": [
        {
            "cases": [
                {
                    "code": (
                        ">>> set(scare_quotes) == {'Israel', 'Israeli', 'President'}\n"
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
