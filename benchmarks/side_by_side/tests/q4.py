"""Otter test q4 (OK format) for the side-by-side benchmark: see ../README.md."""

OK_FORMAT = True

test = {
    "name": "q4",
    "points": 2,
    "suites": [
        {
            "cases": [
                {
                    "code": (
                        ">>> quote_sides == {'compatriots': 'russia', 'iran-attempts': 'israel',\n"
                        "...                'kremlin-agenda': 'russia', 'sovereignty': 'israel'}\n"
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
