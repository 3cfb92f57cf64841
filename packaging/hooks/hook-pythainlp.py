"""Only the dictionary the label wrapper reads, not pythainlp's 60 MB of models.

lo-desktop calls one pythainlp function, ``word_tokenize(engine="newmm")`` (labels/thai_wrap.py). It
reads ``corpus/words_th.txt``; importing ``pythainlp`` reads ``stopwords_th.txt`` and the corpus
catalogue ``default_db.json``. This hook overrides the contrib hook, which collects every model.
tests/packaging/test_spec.py checks that word_tokenize opens nothing else.
"""
from PyInstaller.utils.hooks import collect_data_files

KEEP = ("words_th.txt", "stopwords_th.txt", "default_db.json", "corpus_license.md")

datas = [
    (source, dest)
    for source, dest in collect_data_files("pythainlp")
    if source.replace("\\", "/").rsplit("/", 1)[-1] in KEEP
]
