// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

#include <cstddef>

namespace chorus::crypto
{

// Makes sure libsodium is initialised; cheap after the first call. Every entry point that
// touches libsodium calls it, so callers never have to remember.
bool ensureSodium();

// Secret bytes (keys, decrypted private keys) in sodium_malloc'd, mlock'd memory with guard
// pages, wiped on destruction. Move-only: a secret has exactly one owner.
class SecretBytes
{
public:
    SecretBytes() = default;
    explicit SecretBytes(std::size_t size);
    ~SecretBytes();
    SecretBytes(SecretBytes &&other) noexcept;
    SecretBytes &operator=(SecretBytes &&other) noexcept;
    SecretBytes(const SecretBytes &) = delete;
    SecretBytes &operator=(const SecretBytes &) = delete;

    static SecretBytes random(std::size_t size);
    static SecretBytes copyOf(const unsigned char *data, std::size_t size);

    unsigned char *data() { return m_data; }
    const unsigned char *data() const { return m_data; }
    std::size_t size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    // False only if sodium_malloc failed (out of locked memory).
    bool isValid() const { return m_size == 0 || m_data != nullptr; }

    // Shrinks the logical size (the tail is wiped), e.g. after a decoder wrote fewer bytes.
    void truncate(std::size_t size);
    void clear();

private:
    unsigned char *m_data = nullptr;
    std::size_t m_size = 0;
};

// Wipes a QByteArray that held a secret (detaching first would copy it, so it wipes in place
// only when the array is not shared; a shared copy is the caller's to wipe).
void wipe(QByteArray &bytes);

} // namespace chorus::crypto
