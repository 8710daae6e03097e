#include "ScintillaLoader.h"

#include <Qsci/qsciscintillabase.h>

#include <cstddef>

namespace studio {

// Scintilla's ILoader (include/ILoader.h; ILexer.h in 3.x), which QScintilla does not
// install: the same virtual functions in the same order. SCI_METHOD is empty on this
// platform and Sci_Position is ptrdiff_t. Not in an anonymous namespace: there the
// compiler, seeing no class derived from it, may bind the calls to the pure functions.
namespace scintilla {

class ILoader
{
public:
    virtual int Release() = 0;
    virtual int AddData(const char *data, std::ptrdiff_t length) = 0;
    virtual void *ConvertToDocument() = 0;

protected:
    ~ILoader() = default;
};

} // namespace scintilla

namespace {

scintilla::ILoader *loaderOf(void *pointer)
{
    return static_cast<scintilla::ILoader *>(pointer);
}

} // namespace

ScintillaLoader ScintillaLoader::create(QsciScintillaBase &editor)
{
    ScintillaLoader loader;
    const long pointer = editor.SendScintilla(QsciScintillaBase::SCI_CREATELOADER, 0UL,
                                              long(QsciScintillaBase::SC_DOCUMENTOPTION_DEFAULT));
    loader.m_loader = reinterpret_cast<void *>(static_cast<std::intptr_t>(pointer));
    return loader;
}

bool ScintillaLoader::addData(const char *data, qsizetype length)
{
    return m_loader && loaderOf(m_loader)->AddData(data, length) == 0; // SC_STATUS_OK
}

void ScintillaLoader::finish()
{
    if (m_loader && !m_document)
        m_document = loaderOf(m_loader)->ConvertToDocument();
}

void ScintillaLoader::adopt(QsciScintillaBase &editor)
{
    finish();
    if (!m_document)
        return;
    editor.SendScintilla(QsciScintillaBase::SCI_SETDOCPOINTER, 0UL, m_document);
    release();
}

void ScintillaLoader::release()
{
    if (m_loader)
        loaderOf(m_loader)->Release();
    m_loader = nullptr;
    m_document = nullptr;
}

} // namespace studio
