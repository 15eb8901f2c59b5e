"""Every label a student can see has a plain explanation."""

from mediakit.analysis import FINDERS, run
from mediakit.labels import EXPLAINED, explain
from mediakit.views.highlight import LEGEND


def test_every_label_found_in_the_corpus_is_explained(corpus):
    seen = set()
    for article in corpus.values():
        for name in FINDERS:
            for finding in run(name, article):
                assert finding.label in EXPLAINED[name], (name, finding.label)
                seen.add(finding.label)
                if name == "sources":
                    assert explain(finding.fields["type"]), finding.fields
    assert {"direct", "indirect", "credit", "link", "speech", "scare", "title", "mention"} <= seen


def test_the_legend_uses_the_same_words():
    for label, (colour, words) in LEGEND.items():
        assert colour.startswith("#") and words == explain(label) != ""


def test_unknown_labels_explain_to_nothing():
    assert explain("no-such-label") == ""
