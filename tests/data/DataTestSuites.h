// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

/// One function per test class of test_data; each runs its class with QTest::qExec and returns
/// its exit code.
namespace nnplay::test {

int runRandomTests(int argc, char** argv);
int runPlaneGeneratorsTests(int argc, char** argv);
int runFeaturesTests(int argc, char** argv);
int runTrainTestSplitTests(int argc, char** argv);
int runDigitsTests(int argc, char** argv);
int runCsvTests(int argc, char** argv);
int runDataLoaderTests(int argc, char** argv);
int runDataDescriptionTests(int argc, char** argv);
int runFashionMnistTests(int argc, char** argv);
int runGanTargetsTests(int argc, char** argv);
int runSineGeneratorTests(int argc, char** argv);
int runTextLoaderTests(int argc, char** argv);
int runIdxReaderTests(int argc, char** argv);
int runImageFolderTests(int argc, char** argv);

}  // namespace nnplay::test
