"""Production settings, hostile content and files, login throttling, security headers."""
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from archive.models import Article, RawPage

from .markup import live_markup


ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.django_db(transaction=True)


def manage(*args, **env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment.update(env)
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True)


def test_production_mode_refuses_to_start_without_key_and_hosts():
    result = manage("check", DJANGO_DEBUG="0")
    assert result.returncode != 0 and "DJANGO_SECRET_KEY and DJANGO_ALLOWED_HOSTS" in result.stderr


def test_deploy_check_is_clean_in_production_mode():
    result = manage("check", "--deploy", "--fail-level", "WARNING", DJANGO_DEBUG="0",
                    DJANGO_SECRET_KEY="x" * 20 + "-production-key-with-enough-entropy-ab12CD34ef56", DJANGO_ALLOWED_HOSTS="archive.example.org")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_pages_carry_security_headers(client):
    response = client.get("/")
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("login_url", ["/accounts/login/", "/admin/login/"])
def test_login_is_throttled_per_user_and_client(client, django_user_model, settings, login_url):
    from django.core.cache import cache

    cache.clear()
    settings.GAOXIN_LOGIN_ATTEMPTS = 3
    django_user_model.objects.create_user("admin2", password="right-password-123", is_staff=True)
    for _ in range(3):
        assert client.post(login_url, {"username": "admin2", "password": "wrong"}).status_code == 200
    refused = client.post(login_url, {"username": "admin2", "password": "right-password-123"})
    assert refused.status_code == 200 and "登录失败次数过多" in refused.content.decode()
    other_client = client.post(login_url, {"username": "admin2", "password": "right-password-123"}, REMOTE_ADDR="10.1.2.3")
    assert other_client.status_code == 302


HOSTILE_HTML = """<html><head><meta charset="utf-8"><title>两江新区新闻</title><script>alert('head')</script></head>
<body><h1>两江新区全面开启二次创业</h1>
<p onclick="alert('p')">两江新区召开干部大会，<a href="javascript:alert('link')">点击这里</a>鲜明地提出全面开启二次创业。</p>
<img src=x onerror="alert('img')"><p>会议强调要加快建设高质量发展引领区。<script>alert('body')</script></p></body></html>"""
HOSTILE_TEXT = "两江新区<script>alert('text')</script>新闻\n\n正文里写着<img src=x onerror=alert(1)>和javascript:alert(2)。两江新区召开大会。\n"


@pytest.fixture
def hostile(parks, tmp_path):
    (tmp_path / "hostile.html").write_text(HOSTILE_HTML, encoding="utf-8")
    (tmp_path / "hostile.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    (tmp_path / "hostile.json").write_text('{"url": "javascript:alert(3)", "source": "<b>坏来源</b>"}', encoding="utf-8")
    call_command("ingest", str(tmp_path), stdout=StringIO())
    return list(Article.objects.all())


def assert_inert(body: str):
    assert live_markup(body) == []


def test_hostile_content_is_inert_everywhere(client, admin_client, hostile):
    assert len(hostile) >= 2
    for article in hostile:
        assert not article.url  # the sidecar's javascript: URL was refused
        assert_inert(client.get(article.get_absolute_url()).content.decode())
        assert_inert(admin_client.get(f"/admin/archive/article/{article.pk}/change/").content.decode())
    assert_inert(client.get("/search/?q=%E4%B8%A4%E6%B1%9F%E6%96%B0%E5%8C%BA").content.decode())
    assert_inert(client.get("/search/atom/?q=%E4%B8%A4%E6%B1%9F%E6%96%B0%E5%8C%BA").content.decode())
    json_results = client.get("/search/?q=%E4%B8%A4%E6%B1%9F%E6%96%B0%E5%8C%BA&format=json").json()["results"]
    assert json_results and all("<script" not in r["snippet"] and "<img" not in r["snippet"] for r in json_results)
    export = b"".join(client.get("/search/export.jsonl?q=%E4%B8%A4%E6%B1%9F%E6%96%B0%E5%8C%BA").streaming_content).decode()
    assert "javascript:alert(3)" not in export


def ingest_outcome(tmp_path, name, content: bytes) -> str:
    (tmp_path / name).write_bytes(content)
    out = StringIO()
    call_command("ingest", str(tmp_path / name), stdout=out)
    return out.getvalue()


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("empty.txt", b"", "empty"),
        ("binary.txt", bytes(range(256)) * 40, "binary"),
        ("huge.txt", "高新区新闻。".encode() * (50 * 1024 * 1024 // 18 + 1), "larger than"),
        ("spaces.txt", b" \n\t\r\n  ", "empty"),
    ],
)
def test_hostile_files_are_rejected_with_a_reason(parks, tmp_path, name, content, reason):
    out = ingest_outcome(tmp_path, name, content)
    assert f"failed: {name}:" in out and reason in out
    assert not RawPage.objects.exists() and not Article.objects.exists()


def test_truncated_and_mislabelled_files_still_load_cleanly(parks, tmp_path):
    text = "常州高新区打造新能源之都核心区\n\n近日，常州高新区出台实施意见，推动新能源产业高质量发展。\n"
    truncated = text.encode("utf-8")[:-4]  # cut inside a character
    mislabelled = f'<html><head><meta charset="utf-8"></head><body><p>{text}</p></body></html>'.encode("gbk")
    assert "failed" not in ingest_outcome(tmp_path, "truncated.txt", truncated)
    assert "failed" not in ingest_outcome(tmp_path, "mislabelled.html", mislabelled)
    bodies = " ".join(a.title + a.body for a in Article.objects.all())
    assert "常州高新区" in bodies and "新能源产业" in bodies
    assert "\ufffd" not in bodies.replace("〔乱码〕", "")
