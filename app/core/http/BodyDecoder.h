#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <curl/curl.h>

#include <functional>
#include <memory>
#include <vector>

namespace studio {

// Undoes the codings a response's Content-Encoding and Transfer-Encoding headers name, as
// libcurl 7.88 does (lib/content_encoding.c), for HttpResponseReader: gzip and x-gzip (zlib
// also takes a zlib stream there), deflate (zlib-wrapped, or raw as some servers send it),
// identity and none; the rest refused in libcurl's words once body bytes reach them. zlib
// writes into one fixed buffer handed to the sink piece by piece, so a small body that
// expands to gigabytes costs no more memory than the sink keeps.
class BodyDecoder
{
public:
    enum class Layer
    {
        Transfer, // Transfer-Encoding: undone first
        Content,  // Content-Encoding
    };

    // Receives the decoded bytes; false stops the decoding (the reader's body limit).
    using Sink = std::function<bool(const char *data, qsizetype size)>;

    explicit BodyDecoder(Sink sink);
    ~BodyDecoder();

    BodyDecoder(const BodyDecoder &) = delete;
    BodyDecoder &operator=(const BodyDecoder &) = delete;

    // Stacks the codings a header value names ("gzip, deflate": deflate is undone first).
    // Returns whether it names "chunked", which is the reader's to undo (Transfer only).
    // More than five codings in all fail the response, as in libcurl.
    bool addCodings(QByteArrayView names, Layer layer);
    bool isEmpty() const { return m_stages.empty(); }

    // Decodes `size` bytes into the sink; false when a coding failed or the sink stopped.
    bool write(const char *data, qsizetype size);

    bool failed() const { return m_failureCode != CURLE_OK; }
    // CURLE_BAD_CONTENT_ENCODING and libcurl's words ("Error while processing content
    // unencoding: incorrect header check"), or CURLE_WRITE_ERROR for bytes after the end of
    // a compressed stream. Nothing when the sink stopped the decoding.
    CURLcode failureCode() const { return m_failureCode; }
    const QByteArray &failureDetail() const { return m_failureDetail; }

    class Stage;

private:
    bool pushTo(std::size_t stage, const char *data, qsizetype size);
    bool refuse(CURLcode code, QByteArray detail);

    Sink m_sink;
    std::vector<std::unique_ptr<Stage>> m_stages; // in the order they are undone
    std::size_t m_transferStages = 0;
    int m_codings = 0;
    CURLcode m_failureCode = CURLE_OK;
    QByteArray m_failureDetail;
};

} // namespace studio
