// SPDX-License-Identifier: GPL-3.0-or-later
// Walks the accessibility tree of every screen, as a screen reader would, and fails on any
// control a person could act on that has no name or no role. Also checks that a screen
// reader's "press" does what a tap does.
#include "AccessibleTree.h"
#include "IdleMonitor.h"
#include "LanguageController.h"
#include "QmlServices.h"
#include "StaffLock.h"
#include "TestSurvey.h"
#include "Theme.h"
#include "crypto/DeviceVault.h"
#include "store/InMemoryStore.h"

#include <QAccessible>
#include <QQmlApplicationEngine>
#include <QQmlEngineExtensionPlugin>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

Q_IMPORT_QML_PLUGIN(Chorus_UiPlugin)

using namespace std::chrono;
using namespace chorus::ui;
using namespace accessible_tree;

class TstAccessibility : public QObject
{
    Q_OBJECT

public:
    TstAccessibility()
        : m_language({QStringLiteral("en"), QStringLiteral("cy"), QStringLiteral("ar")}),
          m_idle([this] { return m_now; }),
          m_lock(m_dir.filePath(QStringLiteral("kiosk.ini"))),
          m_session(&m_sink),
          m_survey(&m_session, &m_sink)
    {
    }

private:
    void requireNamedTree(const char *screen)
    {
        // Tell every control a screen reader is listening, as the AT-SPI bridge would when Orca
        // starts: Qt Quick Controls only fill in their roles then. Controls created since the
        // last call (a new page) need telling again.
        QAccessible::setActive(true);
        QStringList problems;
        int nodes = 0;
        countNodes(QAccessible::queryAccessibleInterface(m_window), nodes);
        QVERIFY2(nodes > 5, screen);
        collectProblems(QAccessible::queryAccessibleInterface(m_window), QString(), problems);
        if (!problems.isEmpty()) {
            QFAIL(qPrintable(QStringLiteral("%1: unnamed or role-less controls:\n  %2")
                                 .arg(QLatin1String(screen), problems.join(QStringLiteral("\n  ")))));
        }
    }

    // By objectName through the visual tree (Repeater delegates and popups included).
    QQuickItem *find(const char *objectName)
    {
        QQuickItem *root = m_window->contentItem();
        while (root->parentItem()) {
            root = root->parentItem();
        }
        QQuickItem *found = findIn(root, QLatin1String(objectName));
        return found ? found : m_window->findChild<QQuickItem *>(QLatin1String(objectName));
    }

    static void press(QObject *item)
    {
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(item);
        QVERIFY(iface);
        QVERIFY(iface->actionInterface());
        iface->actionInterface()->doAction(QAccessibleActionInterface::pressAction());
    }

    void startOver()
    {
        QMetaObject::invokeMethod(m_window, "startOver");
        QTRY_VERIFY(find("welcomePage"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_idle.setTimeouts(seconds(30), seconds(20));
        QVERIFY(m_lock.setPin(QStringLiteral("2468")));
        ThemeSingleton::inject(&m_theme);
        LanguageSingleton::inject(&m_language);
        IdleMonitorSingleton::inject(&m_idle);
        StaffLockSingleton::inject(&m_lock);
        SessionSingleton::inject(&m_session);
        RecordsSingleton::inject(&m_records);
        // Drafts and the event screen: a real (cheap) vault; no positioning on this "device".
        chorus::crypto::DeviceVault::Options options;
        options.kdf = chorus::crypto::KdfParams::minimum();
        auto vault = chorus::crypto::DeviceVault::create(QByteArrayLiteral("accessibility"), options);
        QVERIFY(vault);
        m_vault.emplace(std::move(*vault));
        m_drafts.attach(m_store.drafts(), *m_vault);
        m_session.setDrafts(&m_drafts);
        DraftsSingleton::inject(&m_drafts);
        m_event.setSourceFactory([] { return std::unique_ptr<QGeoPositionInfoSource>(); });
        EventSingleton::inject(&m_event);
        m_engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
        m_language.setEngine(&m_engine);
        m_engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Chorus/Ui/Main.qml")));
        QVERIFY(!m_engine.rootObjects().isEmpty());
        m_window = qobject_cast<QQuickWindow *>(m_engine.rootObjects().constFirst());
        QVERIFY(m_window);
        m_window->requestActivate();
        QVERIFY(QTest::qWaitForWindowActive(m_window));
    }

    void init() { startOver(); }

    void welcomeScreen_everyControlHasNameAndRole() { requireNamedTree("welcome"); }

    void welcomeScreen_inHighContrastAtLargestText_everyControlHasNameAndRole()
    {
        m_theme.setHighContrast(true);
        m_theme.setTextScale(200);
        requireNamedTree("welcome, high contrast, 200 %");
    }

    void welcomeScreen_inWelshAndRightToLeft_everyControlHasNameAndRole()
    {
        QVERIFY(m_language.setLanguage(QStringLiteral("cy")));
        requireNamedTree("welcome, Welsh");
        QVERIFY(m_language.setLanguage(QStringLiteral("ar")));
        requireNamedTree("welcome, right to left");
    }

    void questionPage_everyControlHasNameAndRole()
    {
        QMetaObject::invokeMethod(m_window, "openPage", Q_ARG(QVariant, QStringLiteral("sample")));
        QTRY_VERIFY(find("sampleQuestionPage"));
        requireNamedTree("question");
    }

    void questionPage_withErrorSummary_everyControlHasNameAndRole()
    {
        QMetaObject::invokeMethod(m_window, "openPage", Q_ARG(QVariant, QStringLiteral("sample")));
        QTRY_VERIFY(find("continueButton"));
        press(find("continueButton"));
        QTRY_VERIFY(find("errorSummaryHeading") && find("errorSummaryHeading")->isVisible());
        QTRY_VERIFY(find("errorSummaryHeading")->hasActiveFocus());
        requireNamedTree("question with errors");
    }

    void idleWarning_everyControlHasNameAndRole()
    {
        QMetaObject::invokeMethod(m_window, "openPage", Q_ARG(QVariant, QStringLiteral("sample")));
        QTRY_VERIFY(m_idle.isEnabled());
        m_now += seconds(30);
        m_idle.tick();
        QTRY_VERIFY(find("moreTimeButton") && find("moreTimeButton")->isVisible());
        requireNamedTree("are you still there");
        press(find("moreTimeButton"));
        QVERIFY(!m_idle.isWarning());
        QCOMPARE(m_idle.extensions(), 1);
    }

    // Switch and voice control act through accessibility actions, not the mouse or keys; those
    // actions used not to count, so the screen cleared itself under a switch user.
    void accessibilityAction_countsAsActivity()
    {
        QMetaObject::invokeMethod(m_window, "openPage", Q_ARG(QVariant, QStringLiteral("sample")));
        QTRY_VERIFY(m_idle.isEnabled());
        m_idle.activity();
        m_now += seconds(25);
        m_idle.tick();
        QVERIFY(!m_idle.isWarning());
        press(find("option_poster"));
        m_now += seconds(10);
        m_idle.tick();
        QVERIFY2(!m_idle.isWarning(), "the press 10 s ago did not restart the 30 s idle period");
    }

    void helpAndStaffDialogs_everyControlHasNameAndRole()
    {
        press(find("helpButton"));
        QTRY_VERIFY(find("helpCloseButton") && find("helpCloseButton")->isVisible());
        requireNamedTree("help");
        press(find("helpCloseButton"));
        QTRY_VERIFY(!find("helpCloseButton")->isVisible());

        press(find("staffButton"));
        QTRY_VERIFY(find("staffUnlockButton") && find("staffUnlockButton")->isVisible());
        requireNamedTree("staff PIN");
        press(find("staffCancelButton"));
    }

    void surveyScreens_everyQuestionTypeHasNamedControls()
    {
        QVERIFY(m_survey.load());
        startOver();
        press(find("startButton"));
        QTRY_VERIFY(find("noticePage"));
        requireNamedTree("notice and consent");
        press(find("purpose_consultation"));
        press(find("continueButton"));
        QTRY_COMPARE(m_session.pageNumber(), 1);
        int guard = 0;
        while (!m_session.atReview() && ++guard < 20) {
            const QString path = m_session.page().value(QStringLiteral("path")).toString();
            requireNamedTree(qPrintable(QStringLiteral("question %1").arg(path)));
            if (path == u"frequency") {
                press(find("choice_weekly"));
            }
            press(find("continueButton"));
            QTRY_VERIFY(m_session.atReview() || m_session.page().value(QStringLiteral("path")).toString() != path);
        }
        QTRY_VERIFY(find("reviewPage"));
        requireNamedTree("check your answers");
        press(find("continueButton"));
        QTRY_VERIFY(find("receiptPage"));
        requireNamedTree("receipt");
        m_survey.unload();
    }

    void homeAndRecordsScreens_everyControlHasNameAndRole()
    {
        QMetaObject::invokeMethod(m_window, "showHome");
        QTRY_VERIFY(find("homePage"));
        requireNamedTree("home");
        press(find("recordsButton"));
        QTRY_VERIFY(find("recordsPage"));
        requireNamedTree("records");
    }

    void dateAndRepeatScreens_everyControlHasNameAndRole()
    {
        QVERIFY(m_survey.load(QStringLiteral("dates-repeats.chorus.json")));
        startOver();
        press(find("startButton"));
        QTRY_VERIFY(find("noticePage"));
        press(find("purpose_consultation"));
        press(find("continueButton"));
        QTRY_COMPARE(m_session.pageNumber(), 1);
        requireNamedTree("date");
        m_session.setDateParts(QStringLiteral("31"), QStringLiteral("2"), QStringLiteral("2023"));
        press(find("continueButton"));
        QTRY_VERIFY(find("dateProblem") && find("dateProblem")->isVisible());
        requireNamedTree("date with a problem");
        m_session.setDateParts(QStringLiteral("28"), QStringLiteral("2"), QStringLiteral("2023"));
        press(find("continueButton"));
        QTRY_COMPARE(m_session.pageNumber(), 2);
        requireNamedTree("year of birth");
        press(find("continueButton"));
        QTRY_COMPARE(m_session.pageNumber(), 3);
        requireNamedTree("repeat, Person 1");
        press(find("addRepeat_household"));
        QTRY_VERIFY(find("removeRepeat"));
        requireNamedTree("repeat, Person 2");
        press(find("removeRepeat"));
        QTRY_VERIFY(find("confirmRemoveRepeat"));
        requireNamedTree("repeat, confirm removal");
        m_session.suspend();
        QMetaObject::invokeMethod(m_window, "showHome");
        QTRY_VERIFY(find("homePage"));
        QTRY_VERIFY(find("resumeDraft0"));
        requireNamedTree("home with an interrupted interview");
        press(find("discardDraft0"));
        QTRY_VERIFY(find("confirmDiscard0"));
        requireNamedTree("home, confirm discard");
        press(find("confirmDiscard0"));
        m_survey.unload();
    }

    void eventScreen_withoutPositioning_everyControlHasNameAndRole()
    {
        QVERIFY(m_survey.load(QStringLiteral("event-wards.chorus.json")));
        QMetaObject::invokeMethod(m_window, "showHome");
        QTRY_VERIFY(find("homePage"));
        press(find("eventButton"));
        QTRY_VERIFY(find("eventPage"));
        requireNamedTree("event");
        press(find("locateButton"));
        QTRY_COMPARE(m_event.state(), QStringLiteral("manual"));
        QTRY_VERIFY(find("ward_TEST0001"));
        requireNamedTree("event, choose the ward");
        press(find("ward_TEST0001"));
        QCOMPARE(m_event.wardCode(), QStringLiteral("TEST0001"));
        m_event.end();
        m_survey.unload();
    }

    // Keyboard and screen-reader users must know where they are: after Continue the page is
    // reused, and focus stayed on the container or on the error summary that had just hidden.
    void continue_movesFocusToTheNewQuestionsHeading()
    {
        QVERIFY(m_survey.load());
        startOver();
        press(find("startButton"));
        QTRY_VERIFY(find("noticePage"));
        QTRY_COMPARE(m_window->activeFocusItem()->objectName(), QStringLiteral("questionHeading"));
        press(find("purpose_consultation"));
        press(find("continueButton"));
        QTRY_COMPARE(m_session.pageNumber(), 1);
        int pages = 0;
        while (!m_session.atReview() && ++pages < 20) {
            const QVariantMap page = m_session.page();
            const QString path = page.value(QStringLiteral("path")).toString();
            QTRY_COMPARE(m_window->activeFocusItem()->objectName(), QStringLiteral("questionHeading"));
            QCOMPARE(m_window->activeFocusItem()->property("text").toString(),
                     page.value(QStringLiteral("label")).toString());
            if (path == u"frequency") {
                press(find("continueButton")); // unanswered: the error summary takes focus
                QTRY_COMPARE(m_window->activeFocusItem()->objectName(), QStringLiteral("errorSummaryHeading"));
                press(find("choice_weekly"));
            }
            press(find("continueButton"));
            QTRY_VERIFY(m_session.atReview() || m_session.page().value(QStringLiteral("path")).toString() != path);
        }
        QVERIFY(pages > 2);
        m_survey.unload();
    }

    // WCAG 2.4.11: at large text the welcome page is taller than the window, and Tab used to
    // focus "Start now" below it, where Space started the survey unseen.
    void tabAtLargeText_keepsEveryFocusedControlOnScreen()
    {
        m_theme.setTextScale(200);
        const QSize size = m_window->size();
        m_window->resize(800, 600);
        startOver();
        QSet<QQuickItem *> seen;
        bool sawStart = false;
        for (int i = 0; i < 60; ++i) {
            QTest::keyClick(m_window, Qt::Key_Tab);
            QQuickItem *item = m_window->activeFocusItem();
            QVERIFY(item);
            if (seen.contains(item)) {
                break;
            }
            seen.insert(item);
            sawStart = sawStart || item->objectName() == u"startButton";
            const QRectF rect = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
            QVERIFY2(rect.top() >= 0 && rect.bottom() <= m_window->height(),
                     qPrintable(QStringLiteral("%1 '%2' focused at y %3-%4 in a window %5 high")
                                    .arg(item->objectName(), item->property("text").toString())
                                    .arg(rect.top())
                                    .arg(rect.bottom())
                                    .arg(m_window->height())));
        }
        QVERIFY(sawStart);
        QVERIFY(seen.size() > 5);
        m_theme.setTextScale(100);
        m_window->resize(size);
    }

    // --text-scale and --high-contrast used to be lost once home (after unlock) reset the theme;
    // staff now also choose the device's look on home, and each respondent starts from it.
    void home_keepsTheDevicesLookAndOffersItToStaff()
    {
        m_theme.setDefaults(150, true);
        QMetaObject::invokeMethod(m_window, "showHome");
        QTRY_VERIFY(find("homePage"));
        QCOMPARE(m_theme.textScale(), 150);
        QVERIFY(m_theme.highContrast());
        QVERIFY(find("homeLook"));
        press(find("textSize_200"));
        startOver();
        QCOMPARE(m_theme.textScale(), 200);
        QVERIFY(m_theme.highContrast());
        m_theme.setDefaults(100, false);
    }

    // The handler listened to toggled(), which only Space and the mouse emit: Enter and a screen
    // reader's press ticked the box and left the typed date as the answer.
    void datePreferNotToSay_chosenWithEnterOrPressAction_isRecorded()
    {
        QVERIFY(m_survey.load(QStringLiteral("dates-repeats.chorus.json")));
        startOver();
        press(find("startButton"));
        QTRY_VERIFY(find("noticePage"));
        press(find("purpose_consultation"));
        press(find("continueButton"));
        QTRY_COMPARE(m_session.pageNumber(), 1);
        const auto state = [this] { return m_session.page().value(QStringLiteral("state")).toString(); };
        m_session.setDateParts(QStringLiteral("28"), QStringLiteral("2"), QStringLiteral("2023"));
        QCOMPARE(state(), QStringLiteral("answered"));
        QQuickItem *preferNot = find("preferNotToSay");
        QVERIFY(preferNot);
        preferNot->forceActiveFocus(Qt::TabFocusReason);
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_COMPARE(state(), QStringLiteral("prefer_not_to_say"));
        QTest::keyClick(m_window, Qt::Key_Enter); // a tick box: Enter again takes the tick off
        QTRY_VERIFY(state() != u"prefer_not_to_say");
        press(preferNot);
        QTRY_COMPARE(state(), QStringLiteral("prefer_not_to_say"));
        m_survey.unload();
    }

    void pressAction_onRadioOption_choosesIt()
    {
        press(find("textSize_150"));
        QCOMPARE(m_theme.textScale(), 150);
        QVERIFY(find("textSize_150")->property("checked").toBool());
        QVERIFY(!find("textSize_100")->property("checked").toBool());
        press(find("textSize_150")); // a second press keeps the choice
        QCOMPARE(m_theme.textScale(), 150);
    }

    void pressAction_onCheckbox_togglesOnceEachTime()
    {
        press(find("highContrastOption"));
        QVERIFY(m_theme.highContrast());
        press(find("highContrastOption"));
        QVERIFY(!m_theme.highContrast());
    }

    void orDivider_isNotAnnouncedAsAnOption()
    {
        QMetaObject::invokeMethod(m_window, "openPage", Q_ARG(QVariant, QStringLiteral("sample")));
        QTRY_VERIFY(find("option_preferNotToSay"));
        QAccessibleInterface *group = QAccessible::queryAccessibleInterface(find("option_poster"))->parent();
        QVERIFY(group);
        QCOMPARE(group->role(), QAccessible::Grouping);
        QCOMPARE(group->text(QAccessible::Name), QStringLiteral("How did you hear about this consultation?"));
        for (int i = 0; i < group->childCount(); ++i) {
            QVERIFY2(group->child(i)->text(QAccessible::Name).trimmed() != u"or",
                     "the 'or' divider is exposed to screen readers");
        }
    }

private:
    QTemporaryDir m_dir;
    steady_clock::time_point m_now{};
    Theme m_theme;
    LanguageController m_language;
    IdleMonitor m_idle;
    StaffLock m_lock;
    FakeSink m_sink;
    RespondentSession m_session;
    TestSurvey m_survey;
    RecordsModel m_records{nullptr};
    chorus::store::InMemoryStore m_store;
    std::optional<chorus::crypto::DeviceVault> m_vault;
    DraftKeeper m_drafts;
    EventSession m_event{&m_session};
    QQmlApplicationEngine m_engine; // declared last: destroyed before the services it uses
    QQuickWindow *m_window = nullptr;
};

QTEST_MAIN(TstAccessibility)
#include "tst_accessibility.moc"
