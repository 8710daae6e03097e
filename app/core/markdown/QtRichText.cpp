#include "QtRichText.h"

#include <QRegularExpression>

#include <algorithm>

namespace studio {

QString QtRichText::anchorName(int line)
{
    return QStringLiteral("line-%1").arg(line);
}

QString QtRichText::adaptTaskLists(const QString &html)
{
    // cmark-gfm's tasklist extension writes exactly this after the <li ...> tag.
    static const QRegularExpression item(QStringLiteral(
        R"(<li((?: [a-z-]+="[^"]*")*)><input type="checkbox" (checked="" )?disabled="" /> ?)"));
    QString result;
    result.reserve(html.size());
    qsizetype copied = 0;
    for (auto it = item.globalMatch(html); it.hasNext();) {
        const auto match = it.next();
        result += QStringView(html).mid(copied, match.capturedStart() - copied);
        result += QStringLiteral("<li class=\"%1\"%2>")
                      .arg(match.capturedLength(2) > 0 ? QStringLiteral("checked")
                                                       : QStringLiteral("unchecked"),
                           match.captured(1));
        copied = match.capturedEnd();
    }
    result += QStringView(html).mid(copied);
    return result;
}

QString QtRichText::addSourceAnchors(const QString &html, std::vector<int> &anchorLines)
{
    static const QRegularExpression tag(QStringLiteral(
        R"(<([a-z][a-z0-9]*)((?: [a-z-]+="[^"]*")*) data-sourcepos="(\d+):\d+-\d+:\d+"((?: [a-z-]+="[^"]*")*)( ?/?)>)"));
    static const QRegularExpression anchored(QStringLiteral("^(?:p|h[1-6]|li|td|th|pre)$"));
    QString result;
    result.reserve(html.size() + html.size() / 8);
    qsizetype copied = 0;
    for (auto it = tag.globalMatch(html); it.hasNext();) {
        const auto match = it.next();
        result += QStringView(html).mid(copied, match.capturedStart() - copied);
        const QString name = match.captured(1);
        result += u'<' + name + match.captured(2) + match.captured(4) + match.captured(5) + u'>';
        if (anchored.match(name).hasMatch()) {
            const int line = match.captured(3).toInt();
            result += u"<a name=\"" + anchorName(line) + u"\"></a>";
            anchorLines.push_back(line);
        }
        copied = match.capturedEnd();
    }
    result += QStringView(html).mid(copied);
    std::sort(anchorLines.begin(), anchorLines.end());
    anchorLines.erase(std::unique(anchorLines.begin(), anchorLines.end()), anchorLines.end());
    return result;
}

} // namespace studio
