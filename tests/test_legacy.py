"""TCVN3 and VNI text: detected, converted to Unicode when safe, refused when not, Unicode left alone."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportkit.intake import legacy
from reportkit.intake.legacy import (
    CONVERTED,
    TCVN3,
    UNCHANGED,
    UNSAFE,
    VNI,
    convert_tcvn3,
    convert_vni,
    encode_tcvn3,
    encode_vni,
    font_encoding,
    is_vietnamese_syllable,
    repair_text,
)

# Legacy spellings as old documents hold them (written out by hand, not by our encoder).
KNOWN = [
    ("Hà Nội", "Hµ Néi", "Haø Noäi"),
    ("Sơn La", "S¬n La", "Sôn La"),
    ("Trung tâm Dịch vụ việc làm", "Trung t©m DÞch vô viÖc lµm", "Trung taâm Dòch vuï vieäc laøm"),
    ("Phòng Hành chính", "Phßng Hµnh chÝnh", "Phoøng Haønh chính"),
    ("Đã hoàn thành", "§· hoµn thµnh", "Ñaõ hoaøn thaønh"),
    ("Người lao động", "Ng\xadêi lao ®éng", "Ngöôøi lao ñoäng"),
    ("Việt Nam", "ViÖt Nam", "Vieät Nam"),
    ("Khó khăn, vướng mắc", "Khã kh¨n, v\xadíng m¾c", "Khoù khaên, vöôùng maéc"),
    ("Đề xuất, kiến nghị", "§Ò xuÊt, kiÕn nghÞ", "Ñeà xuaát, kieán nghò"),
    ("Nguyễn Thị Thuỷ", "NguyÔn ThÞ Thuû", "Nguyeãn Thò Thuyû"),
]


@pytest.mark.parametrize("unicode, tcvn3, vni", KNOWN, ids=[k[0] for k in KNOWN])
def test_known_words_convert_from_tcvn3_and_vni(unicode, tcvn3, vni):
    assert convert_tcvn3(tcvn3) == unicode
    assert convert_vni(vni) == unicode
    assert encode_tcvn3(unicode) == tcvn3
    assert encode_vni(unicode) == vni


@pytest.mark.parametrize("unicode, tcvn3, vni", KNOWN, ids=[k[0] for k in KNOWN])
def test_legacy_text_is_detected_by_font(unicode, tcvn3, vni):
    assert repair_text(tcvn3, ".VnTime") == legacy.Repair(unicode, CONVERTED, TCVN3)
    assert repair_text(vni, "VNI-Times") == legacy.Repair(unicode, CONVERTED, VNI)


@pytest.mark.parametrize("unicode, tcvn3, vni", [k for k in KNOWN if k[0] != "Sơn La"],
                         ids=[k[0] for k in KNOWN if k[0] != "Sơn La"])
def test_legacy_text_is_detected_by_telltale_characters_without_a_font(unicode, tcvn3, vni):
    assert repair_text(tcvn3).text == unicode
    assert repair_text(vni).text == unicode


def test_vni_text_that_looks_like_unicode_needs_a_font_or_a_suspect_sheet():
    # "Sôn La" is also a plausible Unicode spelling: only the font (or other legacy cells) tells.
    assert repair_text("Sôn La").outcome == UNCHANGED
    assert repair_text("Sôn La", "VNI-Helve").text == "Sơn La"
    assert repair_text("quyeàn", suspect=True).text == "quyền"


def test_vntimeh_font_shows_capitals():
    assert repair_text("trung t©m dÞch vô viÖc lµm", ".VnTimeH").text == "TRUNG TÂM DỊCH VỤ VIỆC LÀM"


@pytest.mark.parametrize("name, expected", [
    (".VnTime", (TCVN3, False)), (".VnTimeH", (TCVN3, True)), (".VnArial", (TCVN3, False)),
    (".VnArialH", (TCVN3, True)), ("VNI-Times", (VNI, False)), ("VNI-Helve", (VNI, False)),
    ("Times New Roman", (None, False)), (None, (None, False)),
])
def test_font_names_map_to_encodings(name, expected):
    assert font_encoding(name) == expected


@pytest.mark.skipif(shutil.which("iconv") is None, reason="iconv not installed")
def test_tcvn3_table_matches_glibc_tcvn5712():
    for src, dst in zip(legacy._TCVN3_SRC, legacy._TCVN3_DST):
        out = subprocess.run(["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"], input=src.encode("latin-1"),
                             capture_output=True, check=True).stdout.decode()
        assert out == dst, (hex(ord(src)), out, dst)


def test_every_plan_text_round_trips_through_both_encodings(plan):
    for task in plan.tasks:
        text = task.text
        assert repair_text(encode_tcvn3(text, lower_unencodable=True), ".VnTime").text == \
            "".join(c.lower() if c == "Ủ" else c for c in text)
        assert repair_text(encode_vni(text), "VNI-Times").text == text


def test_unconvertible_legacy_text_is_unsafe_never_mojibake():
    assert repair_text("ÐÞßðþ ×ØÜ", ".VnTime").outcome == UNSAFE
    assert repair_text("x÷y ¤¥").outcome == UNSAFE


@pytest.mark.parametrize("text", [
    "Hà Nội", "Đã hoàn thành", "30°C", "Nhiệt độ 30° và «Dân vận khéo»", "Café", "2 × 3", "Tỉnh ủy",
    "hoà bình", "Thuỷ", "II.1.đ", "", "ABC-123",
])
def test_unicode_text_is_left_alone(text):
    assert repair_text(text) == legacy.Repair(text, UNCHANGED)


_VIET = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"


_WORDS = st.tuples(st.text(alphabet=_VIET, min_size=1, max_size=7), st.sampled_from([str.lower, str.capitalize,
                                                                                      str.upper]))


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS.map(lambda pair: pair[1](pair[0])), min_size=1, max_size=8))
def test_text_with_letters_beyond_latin1_is_never_touched(words):
    """ă, đ, ơ, ư, ĩ, ũ and ạ…ỹ exist only in Unicode: such text is never converted or refused."""
    text = unicodedata.normalize("NFC", " ".join(words))
    if any(ord(ch) > 0xFF for ch in text):
        assert repair_text(text, suspect=True) == legacy.Repair(text, UNCHANGED)


@pytest.mark.parametrize("word, valid", [
    ("nghiêng", True), ("quyền", True), ("gì", True), ("giữ", True), ("người", True), ("khuya", True),
    ("đ", True), ("a", True), ("Tỡnh", True),
    ("traùng", False), ("haứ", False), ("quyÒn", False), ("aaa", False), ("tiềnn", False), ("hoàá", False),
])
def test_syllable_check(word, valid):
    assert is_vietnamese_syllable(word) is valid
