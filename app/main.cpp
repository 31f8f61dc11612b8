// SPDX-License-Identifier: GPL-3.0-or-later
// nnplay: the desktop playground. Wires the command line to the main window; all behaviour
// lives in ui/.
//
//   nnplay [PROJECT | --lesson NAME] [--train] [--epochs N] [--screenshot FILE] [--picture FILE]
//          [--size WxH] [--theme T] [--view VIEW] [--every-variant] [--sweep KEY=V1,V2]
//          [--presenter] [--welcome]
//          [--quit]
#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QSettings>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <algorithm>
#include <memory>
#include <optional>

#include "ThreadPool.h"
#include "window/ApplicationIcon.h"
#include "window/AutosaveKeeper.h"
#include "window/MainWindow.h"
#include "window/PresenterMode.h"
#include "window/ProjectCatalog.h"
#include "window/ProjectFiles.h"
#include "window/ScriptedRun.h"
#include "window/Theme.h"
#include "window/TrainingViews.h"
#include "window/WelcomeDialog.h"
#include "window/WindowSettings.h"

namespace {

/// Whether the command line only asks for --help or --version: answered without a display.
bool onlyAsksForText(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const QByteArray a(argv[i]);
        if (a == "--help" || a == "-h" || a == "-?" || a == "--help-all" || a == "--version" ||
            a == "-v")
            return true;
    }
    return false;
}

void describeApplication() {
    QCoreApplication::setOrganizationName(QStringLiteral("nnplay"));
    QCoreApplication::setApplicationName(QStringLiteral("nnplay"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NNPLAY_VERSION));
    // Desktops match the window to its installed desktop entry (and so its icon) by this name.
    QGuiApplication::setDesktopFileName(QStringLiteral(NNPLAY_APP_ID));
}

}  // namespace

int main(int argc, char** argv) {
    // QApplication needs a display; help and version text do not.
    std::unique_ptr<QCoreApplication> app;
    if (onlyAsksForText(argc, argv))
        app = std::make_unique<QCoreApplication>(argc, argv);
    else
        app = std::make_unique<QApplication>(argc, argv);
    describeApplication();
    if (auto* gui = qobject_cast<QApplication*>(app.get()))
        gui->setWindowIcon(nnplay::ui::applicationIcon());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main",
                                "A neural-network playground.\n\nUnsaved work is kept in a "
                                "recovery copy every %1 seconds (NNPLAY_AUTOSAVE_SECONDS sets "
                                "another interval) and whenever training pauses; after a crash "
                                "the next start offers to restore it.")
            .arg(nnplay::ui::AutosaveKeeper::kDefaultIntervalSeconds));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("project"),
        QApplication::translate("main",
                                "The .nnplay project to open (default: circle data, a "
                                "small tanh network)."),
        QStringLiteral("[PROJECT]"));
    const QCommandLineOption train(QStringLiteral("train"),
                                   QApplication::translate("main", "Train after opening."));
    const QCommandLineOption epochs(
        QStringLiteral("epochs"),
        QApplication::translate("main",
                                "Epochs to train with --train (default: the "
                                "project's)."),
        QStringLiteral("N"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QApplication::translate("main",
                                "Save a PNG of the whole window (at 1366x768) when "
                                "done."),
        QStringLiteral("FILE"));
    const QCommandLineOption size(
        QStringLiteral("size"),
        QApplication::translate("main",
                                "Window size, e.g. 1024x768 (default with --screenshot: "
                                "1366x768)."),
        QStringLiteral("WxH"));
    const QCommandLineOption theme(
        QStringLiteral("theme"),
        QApplication::translate("main",
                                "Colours for this run: system, light or dark (default: the "
                                "\"theme\" setting, else system)."),
        QStringLiteral("THEME"));
    const QCommandLineOption welcome(
        QStringLiteral("welcome"),
        QApplication::translate("main",
                                "Show the welcome screen, even with a project or with "
                                "--screenshot (the picture then shows it). Without a project "
                                "and without --train, --screenshot or --quit it shows "
                                "unless \"Show at start\" was unticked."));
    const QCommandLineOption quit(QStringLiteral("quit"),
                                  QApplication::translate("main", "Quit when done."));
    const QCommandLineOption lesson(
        QStringLiteral("lesson"),
        QApplication::translate("main",
                                "Open a shipped lesson, by its file name or its title, e.g. "
                                "xor-hidden-layer (instead of PROJECT)."),
        QStringLiteral("NAME"));
    const QCommandLineOption presenter(
        QStringLiteral("presenter"),
        QApplication::translate("main",
                                "Start in presenter mode: large bold text, only the network "
                                "and its views; full screen unless --size or --screenshot "
                                "gives the size."));
    const QCommandLineOption picture(
        QStringLiteral("picture"),
        QApplication::translate("main",
                                "Save the view in front (see --view) as a picture, as File > "
                                "Export View as Picture does: a .png, .svg or .pdf file."),
        QStringLiteral("FILE"));
    const QCommandLineOption view(
        QStringLiteral("view"),
        QApplication::translate("main", "The view to show for --screenshot or --picture: %1.")
            .arg(nnplay::ui::TrainingViews::viewNames()),
        QStringLiteral("VIEW"));
    const QCommandLineOption network(
        QStringLiteral("network"),
        QApplication::translate("main",
                                "The network the canvas shows for --screenshot: a GAN's "
                                "generator or discriminator (default: the first)."),
        QStringLiteral("NAME"));
    const QCommandLineOption slowMotion(
        QStringLiteral("slow-motion"),
        QApplication::translate("main",
                                "A GAN: after training, step once in slow motion and show part "
                                "PART (1-10) for --screenshot."),
        QStringLiteral("PART"));
    const QCommandLineOption everyVariant(
        QStringLiteral("every-variant"),
        QApplication::translate("main",
                                "With --train and a lesson: train each of its variants in turn, "
                                "so the Runs view compares them."));
    const QCommandLineOption sweep(
        QStringLiteral("sweep"),
        QApplication::translate("main",
                                "Run a sweep in the Sweep tab before --screenshot or --picture: "
                                "KEY=V1,V2,... (learning_rate=0.001,0.01,0.1)."),
        QStringLiteral("KEY=VALUES"));
    const QCommandLineOption convolutionStep(
        QStringLiteral("convolution-step"),
        QApplication::translate("main",
                                "For --screenshot: the Inside view explaining filter N of the "
                                "first convolution step by step."),
        QStringLiteral("N"));
    parser.addOptions({train, epochs, screenshot, picture, size, theme, presenter, welcome, quit,
                       lesson, view, network, slowMotion, everyVariant, sweep, convolutionStep});
    parser.process(*app);

    bool epochsOk = true;
    const int epochCount = parser.isSet(epochs) ? parser.value(epochs).toInt(&epochsOk) : 0;
    if (!epochsOk || epochCount < 0) {
        QTextStream(stderr) << QApplication::translate("main",
                                                       "--epochs needs a whole number, "
                                                       "not '%1'")
                                   .arg(parser.value(epochs))
                            << Qt::endl;
        return 2;
    }
    const QStringList sizeParts = parser.value(size).split(QLatin1Char('x'));
    bool widthOk = false, heightOk = false;
    const QSize windowSize =
        sizeParts.size() == 2 ? QSize(sizeParts[0].toInt(&widthOk), sizeParts[1].toInt(&heightOk))
                              : QSize();
    if (parser.isSet(size) &&
        (!widthOk || !heightOk || windowSize.width() < 320 || windowSize.height() < 240)) {
        QTextStream(stderr) << QApplication::translate("main",
                                                       "--size needs a width and a height of "
                                                       "at least 320x240, like 1024x768, not "
                                                       "'%1'")
                                   .arg(parser.value(size))
                            << Qt::endl;
        return 2;
    }
    const std::optional<nnplay::ui::Theme::Kind> forcedTheme =
        parser.isSet(theme) ? nnplay::ui::Theme::parse(parser.value(theme)) : std::nullopt;
    if (parser.isSet(theme) && !forcedTheme) {
        QTextStream(stderr) << QApplication::translate("main",
                                                       "--theme is system, light or dark, "
                                                       "not '%1'")
                                   .arg(parser.value(theme))
                            << Qt::endl;
        return 2;
    }

    if (parser.isSet(view) && !nnplay::ui::TrainingViews::viewNamed(parser.value(view))) {
        QTextStream(stderr) << QApplication::translate("main", "--view is one of %1, not '%2'")
                                   .arg(nnplay::ui::TrainingViews::viewNames(), parser.value(view))
                            << Qt::endl;
        return 2;
    }
    if (parser.isSet(lesson) && !parser.positionalArguments().isEmpty()) {
        QTextStream(stderr) << QApplication::translate("main",
                                                       "Open either a PROJECT or a --lesson, "
                                                       "not both")
                            << Qt::endl;
        return 2;
    }
    QString lessonError;
    const std::optional<nnplay::Project> chosenLesson =
        parser.isSet(lesson)
            ? nnplay::ui::ProjectCatalog::findLesson(parser.value(lesson), &lessonError)
            : std::nullopt;
    if (parser.isSet(lesson) && !chosenLesson) {
        QTextStream(stderr) << lessonError << Qt::endl;
        return 2;
    }

    // A picture for the docs must not depend on this machine's saved window layout.
    QTemporaryDir cleanSettings;
    if (parser.isSet(screenshot) || parser.isSet(picture)) {
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, cleanSettings.path());
    }

    nnplay::ui::Theme::apply(forcedTheme.value_or(nnplay::ui::WindowSettings::theme()));
    // Training shares the cores but one, which stays free for drawing.
    nnplay::ThreadPool::shared().setThreadCount(nnplay::ThreadPool::threadsFor(1));
    nnplay::ui::MainWindow window;
    const bool scripted = parser.isSet(quit);
    if (scripted) {
        // Nobody is there to close a message box: say it on stderr.
        window.files()->setMessageHook([](QMessageBox::Icon, const QString& title,
                                          const QString& text, QMessageBox::StandardButtons) {
            QTextStream(stderr) << title << ": " << text << Qt::endl;
            return QMessageBox::Discard;
        });
    }
    const QStringList positional = parser.positionalArguments();
    if (chosenLesson) window.files()->openProject(*chosenLesson);
    if (!positional.isEmpty() && !window.files()->openFile(positional.first()) && scripted)
        return 1;
    if (parser.isSet(size))
        window.resize(windowSize);
    else if (parser.isSet(screenshot) || parser.isSet(picture))
        window.resize(1366, 768);
    window.show();
    if (parser.isSet(presenter)) {
        const bool sized = parser.isSet(size) || parser.isSet(screenshot);
        window.presenter()->enter(sized ? nnplay::ui::PresenterMode::Screen::KeepSize
                                        : nnplay::ui::PresenterMode::Screen::FullScreen);
    }

    nnplay::ui::ScriptedRun::Options options;
    options.train = parser.isSet(train);
    options.epochs = epochCount;
    options.screenshot = parser.value(screenshot);
    options.picture = parser.value(picture);
    options.view = parser.value(view);
    options.network = parser.value(network);
    options.slowMotionPart = std::clamp(parser.value(slowMotion).toInt(), 0, 10);
    options.everyVariant = parser.isSet(everyVariant);
    options.convolutionStep =
        parser.isSet(convolutionStep) ? std::max(0, parser.value(convolutionStep).toInt()) : -1;
    options.sweep = parser.value(sweep);
    nnplay::ui::ScriptedRun run(&window, options);
    QObject::connect(&run, &nnplay::ui::ScriptedRun::finished, app.get(), [&](int code) {
        if (scripted || code != 0) QApplication::exit(code);
    });
    if (options.train || !options.screenshot.isEmpty() || !options.picture.isEmpty() || scripted ||
        !options.sweep.isEmpty()) {
        if (parser.isSet(welcome)) window.showWelcome();
        QTimer::singleShot(0, &run, &nnplay::ui::ScriptedRun::start);
    } else {
        // Over the shown window; a scripted run leaves recovery copies for a person to answer.
        // Restored work comes first: then the learner is back at it, with no welcome.
        QTimer::singleShot(0, &window, [&] {
            const bool restored = window.autosave()->offerRecovery();
            if (nnplay::ui::WelcomeDialog::showsAtStart(parser.isSet(welcome), restored,
                                                        !positional.isEmpty() || chosenLesson))
                window.showWelcome();
        });
    }
    return QApplication::exec();
}
