#include "SigningSecretOption.h"

#include "contract/apps2026/WebhookSignature.h"

namespace studio::cli {

void addSigningSecretOption(OptionParser &parser)
{
    parser.addOption({QStringLiteral("signing-secret"), QStringLiteral("Signing secret."),
                      QStringLiteral("SECRET")});
}

std::optional<QString> signingSecretFor(const OptionParser &parser, const Contract &contract,
                                        bool quiet, const CliIo &io)
{
    if (!parser.isSet(QStringLiteral("signing-secret")))
        return QString();
    const QString secret = parser.value(QStringLiteral("signing-secret"));
    if (secret.isEmpty()) {
        io.fail("--signing-secret must not be empty");
        return std::nullopt;
    }
    if (!contract.signsWebhooks()) {
        io.fail("--signing-secret: " + std::string(contract.name()) +
                " never signed its webhooks (signatures are today's apps'); give --contract "
                "apps-2026 or leave the secret out");
        return std::nullopt;
    }
    if (!secret.startsWith(QLatin1String(webhook_signature::kSecretPrefix)) && !quiet)
        io.err << "plugin-studio: warning: the app's signing secrets start with "
               << webhook_signature::kSecretPrefix
               << ", and the key is the whole string, prefix included\n";
    return secret;
}

} // namespace studio::cli
