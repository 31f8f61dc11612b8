// SPDX-License-Identifier: GPL-3.0-or-later
#include <QCoreApplication>

#include "DataTestSuites.h"

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    using namespace nnplay::test;
    int failures = 0;
    for (auto run :
         {runRandomTests, runPlaneGeneratorsTests, runFeaturesTests, runTrainTestSplitTests,
          runDigitsTests, runCsvTests, runDataLoaderTests, runDataDescriptionTests,
          runFashionMnistTests, runSineGeneratorTests, runTextLoaderTests, runIdxReaderTests,
          runImageFolderTests, runGanTargetsTests}) {
        failures += run(argc, argv) != 0 ? 1 : 0;
    }
    return failures;
}
