"""Field encryption for case content: AES-256-GCM with a key id, so keys can rotate.

The key lives outside the database (instance folder or MELDCODE_DATA_KEYS); a stolen
database file or backup holds no readable case text. Each value gets a fresh nonce; the
associated data binds a ciphertext to the column and row it belongs to.
"""

import base64
import json
import os
import secrets

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM


class DecryptionFailed(Exception):
    """A value could not be decrypted: wrong key, or the data was changed."""


class Cipher:
    """Encrypts and decrypts values with the current key; decrypts with any known key."""

    def __init__(self, keys: dict[str, bytes], current: str):
        """Use ``keys`` (id → 32 bytes) and encrypt with ``current``."""
        if current not in keys:
            raise ValueError("current key id not among the keys")
        self._keys = {kid: AESGCM(key) for kid, key in keys.items()}
        self.current = current

    @classmethod
    def from_text(cls, text: str) -> "Cipher":
        """Build from ``id:base64key[,id:base64key…]``; the first key is current."""
        keys = {}
        for part in [p.strip() for p in text.split(",") if p.strip()]:
            kid, _, encoded = part.partition(":")
            key = base64.urlsafe_b64decode(encoded.encode())
            if len(key) != 32:
                raise ValueError("a data key must be 32 bytes")
            keys[kid] = key
        if not keys:
            raise ValueError("no data key given")
        return cls(keys, next(iter(keys)))

    @property
    def key_ids(self) -> list[str]:
        """Return the ids of the keys this cipher holds, the current one first."""
        return [self.current] + [kid for kid in self._keys if kid != self.current]

    def only(self, kid: str) -> "Cipher":
        """Return a cipher that holds and encrypts with just the key ``kid``."""
        single = Cipher.__new__(Cipher)
        single._keys = {kid: self._keys[kid]}
        single.current = kid
        return single

    @staticmethod
    def new_key_text() -> str:
        """Return a fresh key in the ``id:base64`` form, for a new instance."""
        kid = secrets.token_hex(4)
        return f"{kid}:{base64.urlsafe_b64encode(os.urandom(32)).decode()}"

    def encrypt(self, value: str, context: str) -> bytes:
        """Encrypt text; ``context`` (column and row) must be given again to decrypt."""
        return self.encrypt_bytes(value.encode(), context)

    def decrypt(self, blob: bytes, context: str) -> str:
        """Decrypt a value written by :meth:`encrypt`."""
        return self.decrypt_bytes(blob, context).decode()

    def encrypt_bytes(self, value: bytes, context: str) -> bytes:
        """Encrypt bytes (a printed PDF) the same way as text."""
        nonce = os.urandom(12)
        sealed = self._keys[self.current].encrypt(nonce, value, context.encode())
        return self.current.encode() + b"$" + nonce + sealed

    def decrypt_bytes(self, blob: bytes, context: str) -> bytes:
        """Decrypt a value written by :meth:`encrypt_bytes` (or :meth:`encrypt`)."""
        kid, _, rest = bytes(blob).partition(b"$")
        aead = self._keys.get(kid.decode(errors="replace"))
        if aead is None or len(rest) < 13:
            raise DecryptionFailed()
        try:
            return aead.decrypt(rest[:12], rest[12:], context.encode())
        except InvalidTag:
            raise DecryptionFailed() from None

    def encrypt_json(self, value, context: str) -> bytes:
        """Encrypt a JSON-serialisable value."""
        return self.encrypt(json.dumps(value, ensure_ascii=False, default=str), context)

    def decrypt_json(self, blob: bytes, context: str):
        """Decrypt a value written by :meth:`encrypt_json`."""
        return json.loads(self.decrypt(blob, context))
