#pragma once

#include "CliIo.h"

#include <QStringList>

#include <string_view>

namespace studio::cli {

struct Command
{
    std::string_view name;
    std::string_view summary;
    int (*run)(const QStringList &arguments, const CliIo &io);
};

int runValidate(const QStringList &arguments, const CliIo &io);
int runExport(const QStringList &arguments, const CliIo &io);
int runMigrate(const QStringList &arguments, const CliIo &io);
int runSimulate(const QStringList &arguments, const CliIo &io);
int runLoad(const QStringList &arguments, const CliIo &io);
int runCheckSetup(const QStringList &arguments, const CliIo &io);
int runRuns(const QStringList &arguments, const CliIo &io);
int runServe(const QStringList &arguments, const CliIo &io);
int runListen(const QStringList &arguments, const CliIo &io);
int runEmulateApi(const QStringList &arguments, const CliIo &io);
int runSchema(const QStringList &arguments, const CliIo &io);
int runVerifySignature(const QStringList &arguments, const CliIo &io);
int runTools(const QStringList &arguments, const CliIo &io);

} // namespace studio::cli
