"""Length-prefixed frames over a stream socket: 4 bytes big-endian length, then the payload.

The query pool and its workers exchange jobs and results this way; blocking helpers for the
worker, and an asyncio reader for the pool's event loop.
"""

from __future__ import annotations

import asyncio
import socket
import struct

_HEADER = struct.Struct("!I")


def write_frame(sock: socket.socket, payload: bytes) -> None:
    if len(payload) < 65536:  # one send; a large payload is not copied to prepend the length
        sock.sendall(_HEADER.pack(len(payload)) + payload)
    else:
        sock.sendall(_HEADER.pack(len(payload)))
        sock.sendall(payload)


def _read_exactly(sock: socket.socket, size: int) -> bytes | None:
    buffer = bytearray(size)
    view = memoryview(buffer)
    done = 0
    while done < size:
        received = sock.recv_into(view[done:], size - done)
        if received == 0:
            return None
        done += received
    return bytes(buffer)


def read_frame(sock: socket.socket) -> bytes | None:
    """The next payload, or None when the other side closed."""
    header = _read_exactly(sock, _HEADER.size)
    if header is None:
        return None
    (size,) = _HEADER.unpack(header)
    if size == 0:
        return b""
    return _read_exactly(sock, size)


def pack(payload: bytes) -> bytes:
    return _HEADER.pack(len(payload)) + payload


async def read_frame_async(reader: asyncio.StreamReader) -> bytes:
    """The next payload; ``asyncio.IncompleteReadError`` when the other side closed."""
    (size,) = _HEADER.unpack(await reader.readexactly(_HEADER.size))
    return await reader.readexactly(size) if size else b""
