#pragma once

#include <QByteArray>

namespace studio::test {

// A PNG encoded by Qt, which the preview can decode (TestFiles' hand-made images carry only
// the header chunks that probing reads).
QByteArray encodedPng(int width, int height);

} // namespace studio::test
