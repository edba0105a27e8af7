"""A fake Telegram Bot API server on 127.0.0.1 that a real python-telegram-bot ``Application`` talks to.

Point PTB at it with ``ApplicationBuilder().token(api.token).base_url(api.base_url)
.base_file_url(api.base_file_url)``. The server runs in its own thread (a ``ThreadingHTTPServer``), so it
works from sync and async tests alike and never depends on the test's event loop.

What it does:
- answers getMe, deleteWebhook, getUpdates (long poll on a queue the test fills with :meth:`push_update`,
  honouring ``offset``/``limit``/``timeout``), sendMessage, editMessageText, editMessageReplyMarkup,
  deleteMessage, answerCallbackQuery, setMyCommands/getMyCommands/deleteMyCommands (per scope and language),
  getChatMember (status per chat and user, see :meth:`set_member_status`), getChat, close, logOut and a few
  methods that only return ``True``;
- records every request as an :class:`ApiCall` (method, decoded params, arrival time, HTTP status);
- runs every request through *rules* before answering. A rule is any callable ``rule(call) -> ApiError |
  None``; returning an error makes the server answer with it instead. :meth:`fail` adds the common ones
  (blocked user, chat not found, migrated group, flood wait) for one chat or one method, a number of times.
  Rules are called one at a time under the server's lock in arrival order, so a stateful rule (a rate-limit
  enforcer that counts messages per chat and per second, say) needs no locking of its own:

      class RateLimits:
          def __call__(self, call: ApiCall) -> ApiError | None:
              if call.method != "sendMessage": return None
              ... count call.at per call.chat_id ...; return retry_after(1) when over the limit

      api.add_rule(RateLimits())

Update dicts for :meth:`push_update` come from :func:`private_message`, :func:`group_message`,
:func:`callback_query`, :func:`my_chat_member` and :func:`group_migrated`.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import socket
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from email.parser import BytesParser
from email.policy import HTTP
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

DEFAULT_TOKEN = "123456789:TEST-fake-token-for-the-local-bot-api"
BOT_ID = 7_000_001
BOT_USERNAME = "SchaatsTestBot"

JSON = dict[str, Any]

# Form fields that PTB sends as plain strings; every other form field is JSON-encoded by PTB.
_STRING_FIELDS = frozenset({
    "text", "caption", "parse_mode", "callback_query_id", "inline_message_id", "language_code", "url",
    "title", "description", "short_description", "name", "query", "emoji", "business_connection_id",
})


# --- errors ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ApiError:
    """An error answer as Telegram gives it: HTTP status, description, optional ``parameters``."""

    status: int
    description: str
    parameters: JSON | None = None

    def body(self) -> JSON:
        out: JSON = {"ok": False, "error_code": self.status, "description": self.description}
        if self.parameters:
            out["parameters"] = self.parameters
        return out


def blocked() -> ApiError:
    return ApiError(403, "Forbidden: bot was blocked by the user")


def kicked() -> ApiError:
    return ApiError(403, "Forbidden: bot was kicked from the group chat")


def chat_not_found() -> ApiError:
    return ApiError(400, "Bad Request: chat not found")


def migrated(new_chat_id: int) -> ApiError:
    return ApiError(400, "Bad Request: group chat was upgraded to a supergroup chat",
                    {"migrate_to_chat_id": new_chat_id})


def retry_after(seconds: int) -> ApiError:
    return ApiError(429, f"Too Many Requests: retry after {seconds}", {"retry_after": seconds})


def server_error() -> ApiError:
    return ApiError(502, "Bad Gateway")


# --- recorded calls and rules ------------------------------------------------------------------------


@dataclass(slots=True)
class ApiCall:
    """One request the server received; ``status`` is filled in once it is answered."""

    method: str
    params: JSON
    at: float  # time.monotonic() on arrival
    status: int = 0
    result: Any = None

    @property
    def chat_id(self) -> int | str | None:
        return self.params.get("chat_id")

    @property
    def ok(self) -> bool:
        return self.status == HTTPStatus.OK


Rule = Callable[[ApiCall], "ApiError | None"]


@dataclass(slots=True)
class InjectedFailure:
    """A rule made by :meth:`FakeBotApi.fail`: answers ``error`` to matching calls, ``times`` times."""

    error: ApiError
    method: str | None = None
    chat_id: int | str | None = None
    times: int | None = None  # None: for ever
    hits: int = 0

    def __call__(self, call: ApiCall) -> ApiError | None:
        if self.method is not None and call.method.lower() != self.method.lower():
            return None
        if self.chat_id is not None and str(call.chat_id) != str(self.chat_id):
            return None
        if self.times is not None and self.hits >= self.times:
            return None
        self.hits += 1
        return self.error


# --- the server ----------------------------------------------------------------------------------------


@dataclass(slots=True)
class _ChatInfo:
    id: int
    type: str
    title: str | None = None
    username: str | None = None
    first_name: str | None = None


class FakeBotApi:
    """The fake server: start it, point PTB at :attr:`base_url`, push updates, read :meth:`calls`."""

    def __init__(
        self,
        *,
        token: str = DEFAULT_TOKEN,
        bot_username: str = BOT_USERNAME,
        bot_id: int = BOT_ID,
        rules: Iterable[Rule] = (),
        response_delay: float = 0.0,
    ) -> None:
        self.token = token
        self.bot_user: JSON = {
            "id": bot_id, "is_bot": True, "first_name": "Schaatsbot", "username": bot_username,
            "can_join_groups": True, "can_read_all_group_messages": False, "supports_inline_queries": False,
        }
        self.response_delay = response_delay  # seconds slept before answering a non-polling call
        self._rules: list[Rule] = list(rules)
        self._lock = threading.Condition()
        self._calls: list[ApiCall] = []
        self._updates: list[JSON] = []
        self._update_ids = itertools.count(1)
        self._message_ids: dict[int | str, itertools.count[int]] = {}
        self._messages: dict[tuple[int | str, int], JSON] = {}
        self._chats: dict[int | str, _ChatInfo] = {}
        self._members: dict[tuple[int | str, int], str] = {}
        self.commands: dict[tuple[str, str], list[JSON]] = {}  # (scope json, language) -> commands
        self._closed = False
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # lifecycle

    def start(self) -> FakeBotApi:
        server = ThreadingHTTPServer(("127.0.0.1", 0), _make_handler(self))
        server.daemon_threads = True
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, args=(0.05,), name="fake-bot-api",
                                        daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        with self._lock:
            self._closed = True
            self._lock.notify_all()  # wake long polls
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> FakeBotApi:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        assert self._server is not None, "start() the server first"
        return self._server.server_address[1]

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/file/bot"

    # scripting

    def push_update(self, update: JSON) -> int:
        """Queue an update for getUpdates; returns its update_id. Also registers the update's chats."""
        with self._lock:
            update_id = next(self._update_ids)
            update = {**update, "update_id": update_id}
            self._remember_chats(update)
            self._updates.append(update)
            self._lock.notify_all()
        return update_id

    def set_chat(self, chat_id: int, type: str, title: str | None = None, *, first_name: str | None = None,
                 username: str | None = None) -> None:
        with self._lock:
            self._chats[chat_id] = _ChatInfo(chat_id, type, title, username, first_name)

    def set_member_status(self, chat_id: int, user_id: int, status: str) -> None:
        """getChatMember answers ``status`` (creator, administrator, member, restricted, left, kicked)."""
        with self._lock:
            self._members[(chat_id, user_id)] = status

    def add_rule(self, rule: Rule) -> Rule:
        with self._lock:
            self._rules.append(rule)
        return rule

    def remove_rule(self, rule: Rule) -> None:
        with self._lock:
            self._rules.remove(rule)

    def fail(self, error: ApiError, *, method: str | None = None, chat_id: int | str | None = None,
             times: int | None = None) -> InjectedFailure:
        """Answer ``error`` to calls of ``method`` (any when None) for ``chat_id`` (any when None)."""
        rule = InjectedFailure(error, method, chat_id, times)
        self.add_rule(rule)
        return rule

    # inspection

    def calls(self, method: str | None = None, *, chat_id: int | str | None = None) -> list[ApiCall]:
        with self._lock:
            return [c for c in self._calls if _matches(c, method, chat_id)]

    def sent(self, chat_id: int | str | None = None) -> list[ApiCall]:
        """Successful sendMessage calls (to ``chat_id`` when given), oldest first."""
        return [c for c in self.calls("sendMessage", chat_id=chat_id) if c.ok]

    def texts(self, chat_id: int | str | None = None) -> list[str]:
        return [c.params.get("text", "") for c in self.sent(chat_id)]

    def message(self, chat_id: int | str, message_id: int) -> JSON | None:
        """The current state of a message the bot sent (after edits)."""
        with self._lock:
            return self._messages.get((chat_id, message_id))

    def clear_calls(self) -> None:
        with self._lock:
            self._calls.clear()

    def wait_for_calls_sync(self, method: str | None = None, *, count: int = 1,
                            chat_id: int | str | None = None, timeout: float = 10.0) -> list[ApiCall]:
        """Block until ``count`` matching calls have been answered; raises TimeoutError otherwise."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while True:
                found = [c for c in self._calls if c.status and _matches(c, method, chat_id)]
                if len(found) >= count:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"waited for {count} {method or 'calls'}, got {len(found)}")
                self._lock.wait(left)

    async def wait_for_calls(self, method: str | None = None, *, count: int = 1,
                             chat_id: int | str | None = None, timeout: float = 10.0) -> list[ApiCall]:
        """Async twin of :meth:`wait_for_calls_sync` that does not block the event loop."""
        deadline = time.monotonic() + timeout
        while True:
            found = [c for c in self.calls(method, chat_id=chat_id) if c.status]
            if len(found) >= count:
                return found
            if time.monotonic() >= deadline:
                raise TimeoutError(f"waited for {count} {method or 'calls'}, got {len(found)}")
            await asyncio.sleep(0.005)

    async def wait_until_consumed(self, timeout: float = 10.0) -> None:
        """Wait until the bot has fetched (and confirmed by a later offset) every pushed update."""
        deadline = time.monotonic() + timeout
        while True:
            with self._lock:
                if not self._updates:
                    return
            if time.monotonic() >= deadline:
                raise TimeoutError("the bot did not fetch every pushed update")
            await asyncio.sleep(0.005)

    # request handling (server threads)

    def handle(self, method: str, params: JSON) -> tuple[int, JSON]:
        call = ApiCall(method=_canonical(method), params=params, at=time.monotonic())
        with self._lock:
            self._calls.append(call)
            error = None
            for rule in list(self._rules):
                error = rule(call)
                if error is not None:
                    break
        if self.response_delay and call.method != "getUpdates":
            time.sleep(self.response_delay)
        if error is None:
            try:
                status, body = int(HTTPStatus.OK), {"ok": True, "result": self._answer(call)}
            except _Refused as refused:
                error = refused.error
        if error is not None:
            status, body = error.status, error.body()
        with self._lock:
            call.status, call.result = int(status), body.get("result")
            self._lock.notify_all()
        return int(status), body

    def _answer(self, call: ApiCall) -> Any:
        handler = _METHODS.get(call.method.lower())
        if handler is None:
            if call.method.lower() in _TRUE_METHODS:
                return True
            raise _Refused(ApiError(404, "Not Found: method not found"))
        return handler(self, call.params)

    # Bot API methods

    def _get_me(self, params: JSON) -> JSON:
        return self.bot_user

    def _get_updates(self, params: JSON) -> list[JSON]:
        offset = int(params.get("offset") or 0)
        limit = max(1, min(100, int(params.get("limit") or 100)))
        deadline = time.monotonic() + float(params.get("timeout") or 0)
        with self._lock:
            while True:
                if offset:
                    # Telegram forgets updates below the offset: they are confirmed.
                    self._updates = [u for u in self._updates if u["update_id"] >= offset]
                if self._updates or self._closed:
                    return list(self._updates[:limit])
                left = deadline - time.monotonic()
                if left <= 0:
                    return []
                self._lock.wait(left)

    def _send_message(self, params: JSON) -> JSON:
        chat_id = _require(params, "chat_id")
        if "text" not in params or not str(params["text"]).strip():
            raise _Refused(ApiError(400, "Bad Request: message text is empty"))
        if len(params["text"]) > 4096:
            raise _Refused(ApiError(400, "Bad Request: message is too long"))
        with self._lock:
            message = {
                "message_id": self._next_message_id(chat_id),
                "date": int(time.time()),
                "chat": self._chat_json(chat_id),
                "from": self.bot_user,
                "text": params["text"],
            }
            if params.get("reply_markup"):
                message["reply_markup"] = params["reply_markup"]
            self._messages[(chat_id, message["message_id"])] = message
            return message

    def _edit_message(self, params: JSON, *, text: bool) -> JSON | bool:
        if params.get("inline_message_id"):
            return True
        key = (_require(params, "chat_id"), int(_require(params, "message_id")))
        with self._lock:
            old = self._messages.get(key)
            if old is None:
                raise _Refused(ApiError(400, "Bad Request: message to edit not found"))
            new = dict(old)
            if text:
                new["text"] = params.get("text", "")
            if params.get("reply_markup"):
                new["reply_markup"] = params["reply_markup"]
            else:
                new.pop("reply_markup", None)
            if new == old:
                raise _Refused(ApiError(400, "Bad Request: message is not modified: specified new message "
                                             "content and reply markup are exactly the same as a current "
                                             "content and reply markup of the message"))
            new["edit_date"] = int(time.time())
            self._messages[key] = new
            return new

    def _edit_message_text(self, params: JSON) -> JSON | bool:
        return self._edit_message(params, text=True)

    def _edit_message_reply_markup(self, params: JSON) -> JSON | bool:
        return self._edit_message(params, text=False)

    def _delete_message(self, params: JSON) -> bool:
        key = (_require(params, "chat_id"), int(_require(params, "message_id")))
        with self._lock:
            if self._messages.pop(key, None) is None:
                raise _Refused(ApiError(400, "Bad Request: message to delete not found"))
        return True

    def _set_my_commands(self, params: JSON) -> bool:
        with self._lock:
            self.commands[_scope_key(params)] = list(params.get("commands") or [])
        return True

    def _get_my_commands(self, params: JSON) -> list[JSON]:
        with self._lock:
            return list(self.commands.get(_scope_key(params), []))

    def _delete_my_commands(self, params: JSON) -> bool:
        with self._lock:
            self.commands.pop(_scope_key(params), None)
        return True

    def _get_chat_member(self, params: JSON) -> JSON:
        chat_id, user_id = _require(params, "chat_id"), int(_require(params, "user_id"))
        with self._lock:
            status = self._members.get((chat_id, user_id))
            if status is None:
                status = "creator" if chat_id == user_id else "member"
        return _chat_member_json(status, {"id": user_id, "is_bot": user_id == self.bot_user["id"],
                                          "first_name": f"User {user_id}"})

    def _get_chat(self, params: JSON) -> JSON:
        chat_id = _require(params, "chat_id")
        with self._lock:
            chat = self._chat_json(chat_id)
        return {**chat, "accent_color_id": 0, "max_reaction_count": 11,
                "accepted_gift_types": {"unlimited_gifts": False, "limited_gifts": False,
                                        "unique_gifts": False, "premium_subscription": False,
                                        "gifts_from_channels": False}}

    # helpers (call with the lock held)

    def _next_message_id(self, chat_id: int | str) -> int:
        counter = self._message_ids.setdefault(chat_id, itertools.count(1))
        return next(counter)

    def _chat_json(self, chat_id: int | str) -> JSON:
        info = self._chats.get(chat_id)
        if info is None:
            if isinstance(chat_id, int) and chat_id > 0:
                info = _ChatInfo(chat_id, "private", first_name=f"User {chat_id}")
            else:
                kind = "supergroup" if str(chat_id).startswith("-100") else "group"
                info = _ChatInfo(chat_id if isinstance(chat_id, int) else 0, kind, title=f"Chat {chat_id}")
        out: JSON = {"id": info.id, "type": info.type}
        for name in ("title", "username", "first_name"):
            if getattr(info, name):
                out[name] = getattr(info, name)
        return out

    def _remember_chats(self, update: JSON) -> None:
        for part in update.values():
            if not isinstance(part, dict):
                continue
            chat = part.get("chat") or (part.get("message") or {}).get("chat")
            if isinstance(chat, dict) and "id" in chat:
                self._chats.setdefault(chat["id"], _ChatInfo(chat["id"], chat.get("type", "private"),
                                                             chat.get("title"), chat.get("username"),
                                                             chat.get("first_name")))
            message = part if "message_id" in part else part.get("message")
            if isinstance(message, dict) and "message_id" in message and isinstance(chat, dict):
                key = (chat["id"], message["message_id"])
                self._messages.setdefault(key, message)


class _Refused(Exception):
    def __init__(self, error: ApiError) -> None:
        super().__init__(error.description)
        self.error = error


_METHODS: dict[str, Callable[[FakeBotApi, JSON], Any]] = {
    "getme": FakeBotApi._get_me,
    "getupdates": FakeBotApi._get_updates,
    "sendmessage": FakeBotApi._send_message,
    "editmessagetext": FakeBotApi._edit_message_text,
    "editmessagereplymarkup": FakeBotApi._edit_message_reply_markup,
    "deletemessage": FakeBotApi._delete_message,
    "setmycommands": FakeBotApi._set_my_commands,
    "getmycommands": FakeBotApi._get_my_commands,
    "deletemycommands": FakeBotApi._delete_my_commands,
    "getchatmember": FakeBotApi._get_chat_member,
    "getchat": FakeBotApi._get_chat,
}
_TRUE_METHODS = frozenset({
    "deletewebhook", "setwebhook", "answercallbackquery", "close", "logout", "sendchataction", "leavechat",
    "setmydescription", "setmyshortdescription", "setchatmenubutton", "pinchatmessage", "unpinchatmessage",
})
_CANONICAL = {name.lower(): name for name in (
    "getMe", "getUpdates", "sendMessage", "editMessageText", "editMessageReplyMarkup", "deleteMessage",
    "setMyCommands", "getMyCommands", "deleteMyCommands", "getChatMember", "getChat", "deleteWebhook",
    "setWebhook", "answerCallbackQuery", "close", "logOut", "sendChatAction", "leaveChat",
    "setMyDescription", "setMyShortDescription", "setChatMenuButton", "pinChatMessage", "unpinChatMessage",
)}


def _canonical(method: str) -> str:
    return _CANONICAL.get(method.lower(), method)


def _matches(call: ApiCall, method: str | None, chat_id: int | str | None) -> bool:
    if method is not None and call.method.lower() != method.lower():
        return False
    return chat_id is None or str(call.chat_id) == str(chat_id)


def _require(params: JSON, name: str) -> Any:
    if params.get(name) in (None, ""):
        raise _Refused(ApiError(400, f"Bad Request: {name} is empty"))
    return params[name]


def _scope_key(params: JSON) -> tuple[str, str]:
    scope = params.get("scope") or {"type": "default"}
    return json.dumps(scope, sort_keys=True), params.get("language_code") or ""


def _chat_member_json(status: str, user: JSON) -> JSON:
    if status == "creator":
        return {"status": status, "user": user, "is_anonymous": False}
    if status == "administrator":
        admin_rights = ("can_manage_chat", "can_delete_messages", "can_manage_video_chats", "can_restrict_members",
                  "can_promote_members", "can_change_info", "can_invite_users", "can_post_stories",
                  "can_edit_stories", "can_delete_stories")
        return {"status": status, "user": user, "can_be_edited": False, "is_anonymous": False,
                **{right: True for right in admin_rights}}
    if status == "restricted":
        rights = ("can_change_info", "can_invite_users", "can_pin_messages", "can_send_messages",
                  "can_send_polls", "can_send_other_messages", "can_add_web_page_previews",
                  "can_manage_topics", "can_send_audios", "can_send_documents", "can_send_photos",
                  "can_send_videos", "can_send_video_notes", "can_send_voice_notes")
        return {"status": status, "user": user, "is_member": True, "until_date": 0,
                **{right: False for right in rights}}
    if status == "kicked":
        return {"status": status, "user": user, "until_date": 0}
    return {"status": status, "user": user}


# --- HTTP plumbing ---------------------------------------------------------------------------------------


def _make_handler(api: FakeBotApi) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as httpx expects

        def setup(self) -> None:
            super().setup()
            # Headers and body go out as two writes; without this, Nagle + delayed ACK add ~40 ms a call.
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

        def do_GET(self) -> None:
            self._serve(b"")

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            self._serve(self.rfile.read(length) if length else b"")

        def _serve(self, body: bytes) -> None:
            url = urlsplit(self.path)
            prefix = f"/bot{api.token}/"
            if not url.path.startswith(prefix):
                self._reply(401, ApiError(401, "Unauthorized").body())
                return
            params = _decode_params(self.headers.get("Content-Type", ""), body)
            params.update(_decode_form(url.query.encode()))
            status, answer = api.handle(url.path[len(prefix):], params)
            self._reply(status, answer)

        def _reply(self, status: int, answer: JSON) -> None:
            payload = json.dumps(answer).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a cancelled long poll)

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - quiet test output
            return

    return Handler


def _decode_params(content_type: str, body: bytes) -> JSON:
    kind = content_type.split(";")[0].strip().lower()
    if not body:
        return {}
    if kind == "application/json":
        return dict(json.loads(body))
    if kind == "multipart/form-data":
        return _decode_multipart(content_type, body)
    return _decode_form(body)


def _decode_form(body: bytes) -> JSON:
    return {k: _decode_value(k, v) for k, v in parse_qsl(body.decode(), keep_blank_values=True)}


def _decode_multipart(content_type: str, body: bytes) -> JSON:
    message = BytesParser(policy=HTTP).parsebytes(b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + body)
    out: JSON = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if not isinstance(name, str):
            continue
        data = part.get_payload(decode=True)
        data = data if isinstance(data, bytes) else b""
        out[name] = data if part.get_filename() else _decode_value(name, data.decode())
    return out


def _decode_value(name: str, value: str) -> Any:
    if name in _STRING_FIELDS:
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value  # "@channel" chat ids and the like


# --- update builders -------------------------------------------------------------------------------------

_user_message_ids = itertools.count(1_000_001)  # far above the ids the server gives bot messages


def user_json(user_id: int, *, first_name: str = "Anna", language_code: str | None = "nl",
              username: str | None = None) -> JSON:
    user: JSON = {"id": user_id, "is_bot": False, "first_name": first_name}
    if language_code:
        user["language_code"] = language_code
    if username:
        user["username"] = username
    return user


def _text_message(chat: JSON, user: JSON, text: str) -> JSON:
    message: JSON = {"message_id": next(_user_message_ids), "date": int(time.time()), "chat": chat,
                     "from": user, "text": text}
    if text.startswith("/"):
        command = text.split(maxsplit=1)[0]
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": _utf16_len(command)}]
    return message


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def private_message(text: str, *, user_id: int = 1001, language_code: str | None = "nl",
                    first_name: str = "Anna") -> JSON:
    """An update with a private message; a leading ``/command`` gets its bot_command entity."""
    user = user_json(user_id, first_name=first_name, language_code=language_code)
    chat = {"id": user_id, "type": "private", "first_name": first_name}
    return {"message": _text_message(chat, user, text)}


def group_message(text: str, *, chat_id: int = -1001234567890, user_id: int = 1001,
                  language_code: str | None = "nl", title: str = "Schaatsclub",
                  chat_type: str = "supergroup", first_name: str = "Anna") -> JSON:
    user = user_json(user_id, first_name=first_name, language_code=language_code)
    chat = {"id": chat_id, "type": chat_type, "title": title}
    return {"message": _text_message(chat, user, text)}


def callback_query(message: JSON, data: str, *, user_id: int = 1001, language_code: str | None = "nl",
                   first_name: str = "Anna", query_id: str | None = None) -> JSON:
    """A button press on ``message`` (a bot message, e.g. ``api.sent()[-1].result``)."""
    return {"callback_query": {
        "id": query_id or f"cq{next(_user_message_ids)}",
        "from": user_json(user_id, first_name=first_name, language_code=language_code),
        "chat_instance": f"ci{message['chat']['id']}",
        "message": message,
        "data": data,
    }}


def my_chat_member(chat_id: int, *, old_status: str = "left", new_status: str = "member",
                   user_id: int = 1001, chat_type: str = "supergroup", title: str = "Schaatsclub",
                   language_code: str | None = "nl") -> JSON:
    """The bot's own membership changed (added to / removed from a group, blocked in a private chat)."""
    chat: JSON = {"id": chat_id, "type": chat_type}
    if chat_type == "private":
        chat["first_name"] = "Anna"
    else:
        chat["title"] = title
    bot = {"id": BOT_ID, "is_bot": True, "first_name": "Schaatsbot", "username": BOT_USERNAME}
    return {"my_chat_member": {
        "chat": chat,
        "from": user_json(user_id, language_code=language_code),
        "date": int(time.time()),
        "old_chat_member": _chat_member_json(old_status, bot),
        "new_chat_member": _chat_member_json(new_status, bot),
    }}


def group_migrated(old_chat_id: int, new_chat_id: int, *, user_id: int = 1001,
                   title: str = "Schaatsclub") -> JSON:
    """The service message a basic group gets when it becomes a supergroup."""
    message = _text_message({"id": old_chat_id, "type": "group", "title": title}, user_json(user_id), "")
    message.pop("text")
    message["migrate_to_chat_id"] = new_chat_id
    return {"message": message}


__all__ = [
    "ApiCall", "ApiError", "BOT_ID", "BOT_USERNAME", "DEFAULT_TOKEN", "FakeBotApi", "InjectedFailure", "Rule",
    "blocked", "callback_query", "chat_not_found", "group_message", "group_migrated", "kicked", "migrated",
    "my_chat_member", "private_message", "retry_after", "server_error", "user_json",
]
