"""Otter test q5 (OK format) for the side-by-side benchmark: see ../README.md."""

OK_FORMAT = True

test = {
    "name": "q5",
    "points": 3,
    "suites": [
        {
            "cases": [
                {
                    "code": (
                        '>>> {f: sorted(o) for f, o in sochi_facts.items() if o} == {\n'
                        "...     'met-in-sochi': ['rferl-2019-09-12', 'sputnik-2019-09-12'],\n"
                        "...     'compatriots': ['rferl-2019-09-12'],\n"
                        "...     'iran-attacks': ['rferl-2019-09-12'],\n"
                        "...     'snap-election': ['sputnik-2019-09-12']}\n"
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
