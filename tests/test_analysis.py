"""The text analysis shared by indexing and querying: segmentation and the archive's word file."""
import jieba

from archive.cleaning.pipeline import clean_page
from search import analysis, dictionary

from .conftest import SEEDS


def seed_texts() -> list[str]:
    return [text for path in sorted(SEEDS.iterdir()) for article in clean_page(path.read_bytes(), path.name).articles for text in [article.title, *article.paragraphs]]


def test_the_word_cutter_cuts_the_seeds_exactly_as_jieba_with_the_archive_words():
    words = ["老杨群工", "成都高新区", "链长制"]
    dictionary.write(words)
    dictionary.expire()
    reference = jieba.Tokenizer()
    for word in dictionary.in_file_order(words):
        reference.add_word(word)
    for text in seed_texts():
        normalised = analysis.normalise(text)
        expected = [(w, s, e) for w, s, e in reference.tokenize(normalised) if analysis.is_word(w)]
        assert list(analysis.words_with_offsets(normalised)) == expected


def test_a_word_added_to_the_file_stays_whole_and_a_removed_one_is_cut_again():
    dictionary.write(["老杨群工"])
    dictionary.expire()
    assert analysis.query_terms("老杨群工党建") == ["老杨群工", "党建"]
    dictionary.write([])
    dictionary.expire()
    assert "老杨群工" not in analysis.query_terms("老杨群工党建")


def test_entity_names_index_their_place_part_only():
    dictionary.write(["两江新区", "成都高新区"])
    dictionary.expire()
    assert analysis.sub_words("成都高新区") == ("成都",)
    assert analysis.sub_words("两江新区") == ("两江",)
    assert analysis.sub_words("新能源汽车") == ("新能源", "汽车")
