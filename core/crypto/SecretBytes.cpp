// SPDX-License-Identifier: GPL-3.0-or-later
#include "SecretBytes.h"

#include <sodium.h>

#include <utility>

namespace chorus::crypto
{

bool ensureSodium()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}

SecretBytes::SecretBytes(std::size_t size)
{
    ensureSodium();
    if (size == 0) {
        return;
    }
    m_data = static_cast<unsigned char *>(sodium_malloc(size));
    m_size = m_data ? size : 0;
    if (m_data) {
        sodium_memzero(m_data, size);
    }
}

SecretBytes::~SecretBytes()
{
    clear();
}

SecretBytes::SecretBytes(SecretBytes &&other) noexcept
    : m_data(std::exchange(other.m_data, nullptr)), m_size(std::exchange(other.m_size, 0))
{
}

SecretBytes &SecretBytes::operator=(SecretBytes &&other) noexcept
{
    if (this != &other) {
        clear();
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
    }
    return *this;
}

SecretBytes SecretBytes::random(std::size_t size)
{
    SecretBytes bytes(size);
    if (bytes.m_data) {
        randombytes_buf(bytes.m_data, size);
    }
    return bytes;
}

SecretBytes SecretBytes::copyOf(const unsigned char *data, std::size_t size)
{
    SecretBytes bytes(size);
    if (bytes.m_data && size > 0) {
        std::copy(data, data + size, bytes.m_data);
    }
    return bytes;
}

void SecretBytes::truncate(std::size_t size)
{
    if (size < m_size) {
        sodium_memzero(m_data + size, m_size - size);
        m_size = size;
    }
}

void SecretBytes::clear()
{
    if (m_data) {
        // sodium_free wipes the whole allocation before releasing it.
        sodium_free(m_data);
    }
    m_data = nullptr;
    m_size = 0;
}

void wipe(QByteArray &bytes)
{
    if (!bytes.isEmpty() && !bytes.isDetached()) {
        bytes.clear();
        return;
    }
    if (!bytes.isEmpty()) {
        sodium_memzero(bytes.data(), static_cast<std::size_t>(bytes.size()));
    }
    bytes.clear();
}

} // namespace chorus::crypto
