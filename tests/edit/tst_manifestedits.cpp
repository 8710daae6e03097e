// The manifest's rules for edits by meaning, applied to real text: a capability brings its
// section, removing it takes the section and every duplicate, sets stay sets.
#include "edit/JsonEditSplicer.h"
#include "edit/ManifestEdits.h"

#include <QTest>

using namespace studio;

class ManifestEditsTest : public QObject
{
    Q_OBJECT

private slots:
    void addCapability_bringsItsSection();
    void addCapability_keepsASectionTheTextHas();
    void removeCapability_takesEveryDuplicateAndTheSection();
    void removeFromSet_withoutTheSet_changesNothing();
    void setWithAKey_addsAndRemovesObjects();
    void fieldAt_readsObjectsOnly();
};

namespace {

Json applied(const std::string &text, const std::vector<JsonEdit> &edits)
{
    const JsonEditsResult result = JsonEditSplicer::applyAll(text, edits);
    if (!result.ok())
        qFatal("the edits do not apply: %s", result.error.c_str());
    return Json::parse(result.text);
}

} // namespace

void ManifestEditsTest::addCapability_bringsItsSection()
{
    const std::string text = R"({"id": "p", "capabilities": ["chat"], "chat_prompt": "Hi"})";
    const Json after =
        applied(text, ManifestEdits::addCapability(Json::parse(text), "memories",
                                                   PluginTemplate::sectionFor("memories", "p")));
    QVERIFY(after["capabilities"] == Json::parse(R"(["chat", "memories"])"));
    QVERIFY(after.contains("memory_prompt"));
    QVERIFY(after["chat_prompt"] == Json("Hi"));
}

void ManifestEditsTest::addCapability_keepsASectionTheTextHas()
{
    const std::string text = R"({"id": "p", "capabilities": [], "memory_prompt": "Mine"})";
    const Json after =
        applied(text, ManifestEdits::addCapability(Json::parse(text), "memories",
                                                   PluginTemplate::sectionFor("memories", "p")));
    QVERIFY(after["memory_prompt"] == Json("Mine"));
}

void ManifestEditsTest::removeCapability_takesEveryDuplicateAndTheSection()
{
    const std::string text =
        R"({"capabilities": ["memories", "chat", "memories"], "memory_prompt": "x", "chat_prompt": "y"})";
    const Json after =
        applied(text, ManifestEdits::removeCapability(Json::parse(text), "memories",
                                                      PluginTemplate::sectionFor("memories", {})));
    QVERIFY(after["capabilities"] == Json::parse(R"(["chat"])"));
    QVERIFY(!after.contains("memory_prompt"));
    QVERIFY(after["chat_prompt"] == Json("y"));
    // A section already gone is not removed twice.
    const std::string bare = R"({"capabilities": ["memories"]})";
    QCOMPARE(ManifestEdits::removeCapability(Json::parse(bare), "memories",
                                             PluginTemplate::sectionFor("memories", {}))
                 .size(),
             std::size_t(1));
}

void ManifestEditsTest::removeFromSet_withoutTheSet_changesNothing()
{
    QVERIFY(ManifestEdits::removeFromSet(Json::parse("{}"), "/proactive_notification/scopes",
                                         "user_name")
                .empty());
    const std::string text = R"({"proactive_notification": {"scopes": ["user_name", "user_context"]}})";
    const Json after = applied(text, ManifestEdits::removeFromSet(Json::parse(text),
                                                                  "/proactive_notification/scopes",
                                                                  "user_name"));
    QVERIFY(after["proactive_notification"]["scopes"] == Json::parse(R"(["user_context"])"));
}

void ManifestEditsTest::setWithAKey_addsAndRemovesObjects()
{
    const std::string text =
        R"({"actions": [{"action": "read_tasks"}, "read_tasks", {"action": "create_facts"}]})";
    const Json added =
        applied(text, ManifestEdits::addToSet("/actions", "read_memories", "action"));
    QVERIFY(added["actions"][3] == Json::parse(R"({"action": "read_memories"})"));
    // Only the objects holding the value go; the bare string is not an action object.
    const Json removed = applied(
        text, ManifestEdits::removeFromSet(Json::parse(text), "/actions", "read_tasks", "action"));
    QVERIFY(removed["actions"] == Json::parse(R"(["read_tasks", {"action": "create_facts"}])"));
}

void ManifestEditsTest::fieldAt_readsObjectsOnly()
{
    const Json root = Json::parse(R"({"a": {"b": [1, 2]}})");
    QVERIFY(ManifestEdits::fieldAt(root, "/a/b"));
    QVERIFY(!ManifestEdits::fieldAt(root, "/a/b/0"));
    QVERIFY(!ManifestEdits::fieldAt(root, "/missing"));
    QCOMPARE(ManifestEdits::fieldAt(root, ""), &root);
}

QTEST_GUILESS_MAIN(ManifestEditsTest)
#include "tst_manifestedits.moc"
