// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// tst_setup's handle on its device, registered declaratively in the module Chorus.SetupTest:
// `import Chorus.SetupTest` gives the singleton TestDevice (builds the device for a scenario,
// reads back what setup stored). tst_setup.cpp injects the instance.

#include "DeviceFixture.h"
#include "QmlServices.h"

#include <QtQml/qqmlregistration.h>

struct TestDeviceSingleton : chorus::ui::InjectedSingleton<setup_test::TestDevice> {
    Q_GADGET
    QML_FOREIGN(setup_test::TestDevice)
    QML_NAMED_ELEMENT(TestDevice)
    QML_SINGLETON
};
