#pragma once

#include <QString>

namespace studio {

// The user data the app pastes into a proactive notification's prompt, one value per
// scope ({{user_name}}, {{user_facts}}, {{user_context}}, {{user_chat}}). The defaults
// describe what the app would put there, so the author sees where each scope lands.
struct SimulatedUser
{
    QString name = QStringLiteral("[the user's name]");
    QString facts = QStringLiteral("[the facts the app has learnt about the user]");
    QString context = QStringLiteral("[the user's past conversations that match the context]");
    QString chat = QStringLiteral("[the user's recent chat messages]");
};

} // namespace studio
