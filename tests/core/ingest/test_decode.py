"""Tests for parallax.core.ingest.decode: binary files refused, bytes decoded in any encoding."""

from __future__ import annotations

import gzip
import io
import random
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from parallax.core.ingest import IngestError, read_bytes, read_path
from parallax.core.ingest.common import _VISIBLE
from parallax.core.ingest.plain import _ONLY_A_URL, _unwrap
from parallax.core.model import Document, restore_original
from tests.core.ingest.helpers import ARTICLE, ENCODED, assert_one_line

# --------------------------------------------------------------------------------------------
# Encodings
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", list(ENCODED))
def test_same_article_in_every_encoding_reads_the_same(encoding: str, tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(ENCODED[encoding])
    doc = read_path(path)
    assert doc.original == ARTICLE
    assert doc.text == doc.original
    assert doc.title == "Kim’s “landmark” pact with Russia"
    assert doc.source == "article.txt"
    assert doc.path == str(path.resolve())
    assert read_bytes(ENCODED[encoding], name="article.txt").original == ARTICLE


OTHER_SCRIPTS = [
    (
        "cp1251",
        "Президент России Владимир Путин и лидер КНДР Ким Чен Ын подписали договор "
        "о всеобъемлющем стратегическом партнёрстве.\n",
    ),
    (
        "koi8-r",
        "Президент России Владимир Путин и лидер КНДР Ким Чен Ын подписали договор "
        "о всеобъемлющем стратегическом партнёрстве.\n",
    ),
    (
        "cp1253",
        "Η Βόρεια Κορέα και η Ρωσία υπέγραψαν συμφωνία αμοιβαίας άμυνας, δήλωσε ο πρόεδρος.\n",
    ),
    (
        "cp1250",
        "Prezydent Rosji i przywódca Korei Północnej podpisali układ o współpracy. "
        "Zażółć gęślą jaźń.\n",
    ),
    (
        "cp1250",
        "Příliš žlutý kůň úpěl. Vláda schválila smlouvu o strategickém partnerství s Ruskem.\n",
    ),
    (
        "shift_jis",
        "北朝鮮とロシアは包括的戦略パートナーシップ条約に署名した。プーチン大統領と金正恩総書記が署名した。\n",
    ),
    ("gb18030", "朝鲜和俄罗斯签署了全面战略伙伴关系条约。普京总统和金正恩签署了该条约。\n"),
]


@pytest.mark.parametrize(("encoding", "text"), OTHER_SCRIPTS)
def test_legacy_encodings_of_other_scripts_are_detected(encoding: str, text: str) -> None:
    assert read_bytes(text.encode(encoding), kind="text").original == text


WESTERN = [
    "Le café était fermé à Noël. Ça coûte cher? Non: 5 francs. Où êtes-vous? Là-bas, à l’église.",
    "Die Bundesregierung äußerte sich „besorgt“ über das Abkommen – so der Sprecher. Übermaß.",
    "¿Qué pasó? El presidente ruso firmó un acuerdo con Corea del Norte. ¡Increíble! Año 2024.",
    "Perché il presidente russo è andato là? Così ha detto: «un accordo storico». Città, più, già.",
    "Rusland og Nordkorea har underskrevet en aftale. Både København og Århus, søen, øen.",
    "It’s “done”.",
    "Café.",
]


@pytest.mark.parametrize("text", WESTERN)
def test_short_western_texts_in_cp1252_are_not_mistaken_for_other_code_pages(text: str) -> None:
    # charset-normalizer alone calls most of these cp1250, cp1257 or cp720.
    assert read_bytes(text.encode("cp1252"), kind="text").original == text


def test_undefined_cp1252_bytes_still_decode() -> None:
    doc = read_bytes(b"Caf\xe9 \x81 and na\xefve text that is otherwise fine.", kind="text")
    assert doc.original.startswith("Caf")
    assert "fine." in doc.original


HTML_TEMPLATE = (
    '<html><head><meta charset="{charset}"><title>Test page</title></head><body><article>'
    "<p>{text}</p><p>{text}</p></article></body></html>"
)


@pytest.mark.parametrize(
    ("charset", "codec", "text"),
    [
        # Czech without ť reads as plausible cp1252; only the declaration tells the truth.
        ("windows-1250", "cp1250", "Příliš žlutý kůň úpěl. Vláda schválila smlouvu o partnerství."),
        ("koi8-r", "koi8-r", "Президент России и лидер КНДР подписали договор."),
        ("iso-8859-1", "cp1252", "Kim’s “pact” costs €5 — a café owner’s naïve view."),
        ("ISO-8859-7", "iso-8859-7", "Η Βόρεια Κορέα και η Ρωσία υπέγραψαν συμφωνία."),
    ],
)
def test_html_meta_charset_is_honoured_when_bytes_are_not_utf8(
    charset: str, codec: str, text: str
) -> None:
    page = HTML_TEMPLATE.format(charset=charset, text=text).encode(codec)
    doc = read_bytes(page, name="page.html")
    assert text in doc.original


def test_valid_utf8_wins_over_a_wrong_meta_charset() -> None:
    text = "Kim’s “pact” costs €5 — café"
    page = HTML_TEMPLATE.format(charset="windows-1252", text=text).encode("utf-8")
    assert text in read_bytes(page, name="page.html").original


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.lists(
        st.text(
            alphabet=st.characters(
                blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff\ufffd"
            ),
            max_size=30,
        )
        | st.sampled_from(["\n", "\r\n", "\r", "\t", " "]),
        min_size=1,
        max_size=12,
    ).map("".join),
    encoding=st.sampled_from(["utf-8", "utf-16", "utf-8-sig"]),
)
def test_any_text_round_trips_through_utf_encodings(text: str, encoding: str) -> None:
    assume(_VISIBLE.search(text) is not None)
    assume(_ONLY_A_URL.match(text) is None)  # refused: Parallax never downloads
    expected = text.replace("\r\n", "\n").replace("\r", "\n")
    assume(_unwrap(expected) == expected)  # hard-wrapped text is rejoined (below)
    doc = read_bytes(text.encode(encoding), kind="text")
    assert doc.original == expected
    assert doc.text == expected


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=300))
def test_arbitrary_bytes_give_a_document_or_an_ingest_error(data: bytes) -> None:
    try:
        doc = read_bytes(data)
    except IngestError as exc:
        assert "\n" not in str(exc)
    else:
        assert isinstance(doc, Document)
        assert "\r" not in doc.original


# --------------------------------------------------------------------------------------------
# Files that are not articles
# --------------------------------------------------------------------------------------------


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("article.txt", "hello")
    return buffer.getvalue()


BINARIES = [
    (
        "report.pdf",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
        "PDF document",
    ),
    ("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "PNG image"),
    ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01", "JPEG image"),
    ("anim.gif", b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!", "GIF image"),
    ("story.docx", _docx(), "Word document"),
    ("bundle.zip", _zip(), "ZIP archive"),
    ("story.txt.gz", gzip.compress(b"The article text, compressed."), "gzip"),
    ("parallax", b"\x7fELF\x02\x01\x01\x00" + bytes(56), "executable program"),
    ("story.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "Office document"),
    ("story.rtf", b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} Hello }", "RTF document"),
    ("data.bin", b"Some text\x00with a NUL and \x00\x01\x02 binary bytes in it", "binary file"),
    ("story.txt", b"\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11 text", "control characters"),
]


@pytest.mark.parametrize(("name", "data", "what"), BINARIES, ids=[b[0] for b in BINARIES])
def test_binary_files_are_refused_with_a_clear_message(
    name: str, data: bytes, what: str, tmp_path: Path
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(IngestError) as error:
        read_path(path)
    assert_one_line(error, name, what)
    with pytest.raises(IngestError):
        read_bytes(data, name=name)


def test_pdf_message_reads_well(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(BINARIES[0][1])
    with pytest.raises(
        IngestError, match=r"^report\.pdf looks like a PDF document, not an article"
    ):
        read_path(path)


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"", "is empty"),
        (b"   \n\t\r\n  ", "only blank space"),
        ("\ufeff".encode("utf-8"), "is empty"),
        ("\u200b\u200b \n".encode("utf-8"), "only blank space"),
        (" \n".encode("utf-16"), "only blank space"),
    ],
)
def test_empty_and_blank_files_are_refused(data: bytes, what: str, tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(data)
    with pytest.raises(IngestError) as error:
        read_path(path)
    assert_one_line(error, "empty.txt", what)


# --------------------------------------------------------------------------------------------
# Bytes that are no text in any encoding
# --------------------------------------------------------------------------------------------


def _high_bytes(seed: int, size: int = 8192, low: int = 0x80) -> bytes:
    """Random bytes from ``low`` to 0xFF: no NUL, no ASCII, no text in any encoding."""
    rng = random.Random(seed)
    return bytes(rng.randrange(low, 0x100) for _ in range(size))


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("size", [8192, 1024, 256])
def test_random_high_bytes_are_refused_as_not_text(seed: int, size: int, tmp_path: Path) -> None:
    data = _high_bytes(seed, size)
    path = tmp_path / "noise.txt"
    path.write_bytes(data)
    with pytest.raises(IngestError) as error:
        read_path(path)
    assert_one_line(error, "noise.txt", "does not contain readable text", "encoding")
    for kind in ("text", "html", "markdown", None):
        with pytest.raises(IngestError):
            read_bytes(data, name="noise", kind=kind)


@pytest.mark.parametrize("seed", range(3))
def test_random_accented_letters_are_refused_as_not_text(seed: int) -> None:
    """Bytes 0xC0-0xFF are all letters in Windows-1252, but in no order any language has."""
    with pytest.raises(IngestError) as error:
        read_bytes(_high_bytes(seed, 4096, low=0xC0), name="letters.txt")
    assert_one_line(error, "letters.txt", "does not contain readable text")


#: Real articles in legacy encodings, long enough to be judged on: each must still be read.
LEGACY_ARTICLES = [
    (
        "latin-1",
        "Le gouvernement français a annoncé mercredi une réforme des retraites. Selon le "
        "ministre, « il était temps d'agir ». Les syndicats, réunis à Paris, ont dénoncé un "
        "projet « brutal » et appelé à une grève générale le 5 décembre. À Lyon, à Marseille "
        "et à Lille, des milliers de manifestants étaient déjà dans la rue jeudi matin.\n",
    ),
    (
        "cp1252",
        "Die Bundesregierung hat am Mittwoch ein Gesetz zur Förderung erneuerbarer Energien "
        "beschlossen. „Wir müssen schneller werden“, sagte der Minister – die Opposition "
        "kritisierte die Pläne als unzureichend. Die Kosten von 12 Milliarden € sollen über "
        "fünf Jahre verteilt werden; Verbände begrüßten die Entscheidung grundsätzlich.\n",
    ),
    (
        "koi8-r",
        "Правительство России в среду объявило о новых мерах поддержки экономики. По словам "
        "министра финансов, бюджет на следующий год будет сбалансирован. Эксперты отмечают, "
        "что инфляция остаётся высокой, а курс рубля продолжает колебаться.\n",
    ),
    (
        "cp1251",
        "Уряд України у середу ухвалив рішення про відновлення енергетичної інфраструктури. "
        "За словами прем'єр-міністра, роботи триватимуть до кінця року, а витрати покриють "
        "міжнародні партнери.\n",
    ),
    (
        "iso-8859-7",
        "Η κυβέρνηση ανακοίνωσε την Τετάρτη νέα μέτρα στήριξης για τα νοικοκυριά. Σύμφωνα με "
        "τον υπουργό Οικονομικών, το πρόγραμμα θα κοστίσει 2 δισεκατομμύρια ευρώ και θα "
        "εφαρμοστεί από τον Ιανουάριο.\n",
    ),
    (
        "shift_jis",
        "政府は水曜日、新たな経済対策を発表した。財務大臣によると、来年度の予算は均衡が保たれる"
        "見通しだ。専門家は、物価の上昇が続いていると指摘している。円相場も不安定な動きが続く。\n",
    ),
    (
        "gb2312",
        "政府周三宣布了新的经济支持措施。财政部长表示，明年的预算将保持平衡。专家指出，"
        "通货膨胀仍然较高，人民币汇率继续波动。多个城市的居民对此表示欢迎。\n",
    ),
    (
        "euc-kr",
        "정부는 수요일 새로운 경제 지원 대책을 발표했다. 재무부 장관은 내년 예산이 균형을 "
        "이룰 것이라고 말했다. 전문가들은 물가 상승이 계속되고 있다고 지적했다.\n",
    ),
    (
        "big5",
        "政府週三宣布了新的經濟支持措施。財政部長表示，明年的預算將保持平衡。專家指出，"
        "通貨膨脹仍然較高，匯率繼續波動。\n",
    ),
]


@pytest.mark.parametrize(("encoding", "text"), LEGACY_ARTICLES, ids=[e for e, _ in LEGACY_ARTICLES])
def test_real_articles_in_legacy_encodings_are_still_read(encoding: str, text: str) -> None:
    data = text.encode(encoding)
    assert not data.isascii()
    doc = read_bytes(data, name="article.txt")
    assert doc.original == text


# --------------------------------------------------------------------------------------------
# UTF-8 with a few bad bytes
# --------------------------------------------------------------------------------------------

#: A German article in UTF-8, many umlauts: the bytes a few invalid sequences are put in.
GERMAN = (
    "Die Bürgermeisterin von Köln äußerte sich am Mittwoch zur Schließung der Brücke. "
    "„Wir prüfen täglich, ob die Sanierung früher möglich ist“, sagte sie. Die Grünen "
    "forderten eine Übergangslösung für Radfahrer; die Händler in der Altstadt klagen über "
    "Umsatzeinbußen. Für März ist eine öffentliche Anhörung geplant, bei der Bürger Fragen "
    "stellen können. Die Kosten schätzt die Stadt auf 14 Millionen Euro.\n"
)


def _damaged_utf8() -> bytes:
    """GERMAN in UTF-8 with three invalid sequences: a Latin-1 byte, a cut sequence, 0xFF."""
    data = GERMAN.encode("utf-8")
    data = data.replace("Köln".encode(), b"K\xf6ln", 1)  # Latin-1 ö inside a word
    data = data.replace(b" sagte", b" \xe2\x80 sagte", 1)  # a cut-off sequence
    return data.replace(b"14 Millionen", b"14\xff\xfe Millionen", 1)  # two bad bytes, one run


def test_utf8_with_a_few_bad_bytes_stays_utf8() -> None:
    doc = read_bytes(_damaged_utf8(), name="koeln.txt")
    assert "Bürgermeisterin" in doc.original and "Ã" not in doc.original
    assert "äußerte" in doc.text and "„Wir prüfen täglich" in doc.text
    # One replacement character per run of bad bytes, in the original only.
    assert doc.original.count("\ufffd") == 3
    assert "K\ufffdln" in doc.original and "14\ufffd Millionen" in doc.original


def test_each_run_of_bad_bytes_is_a_repair() -> None:
    doc = read_bytes(_damaged_utf8(), name="koeln.txt")
    assert [(r.original, r.replacement, r.kind) for r in doc.repairs] == [
        ("\ufffd", "", "invalid-utf8")
    ] * 3
    for r in doc.repairs:
        assert doc.original[r.start : r.end] == "\ufffd"
    assert "\ufffd" not in doc.text
    assert restore_original(doc.text, doc.repairs) == doc.original


def test_a_literal_replacement_character_in_clean_utf8_is_no_repair() -> None:
    doc = read_bytes("Ein Zeichen \ufffd fehlt hier; Köln.".encode(), name="a.txt")
    assert doc.repairs == () and doc.text == doc.original


@pytest.mark.parametrize(("encoding", "text"), LEGACY_ARTICLES, ids=[e for e, _ in LEGACY_ARTICLES])
def test_legacy_text_is_not_mistaken_for_damaged_utf8(encoding: str, text: str) -> None:
    doc = read_bytes(text.encode(encoding), name="article.txt")
    assert doc.original == text and doc.repairs == ()
