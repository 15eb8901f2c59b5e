"""Otter test q1 (OK format) for the side-by-side benchmark: see ../README.md."""

OK_FORMAT = True

test = {
    "name": "q1",
    "points": 1,
    "suites": [
        {
            "cases": [
                {
                    "code": (
                        ">>> genre_check == 'gr'\n"
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
