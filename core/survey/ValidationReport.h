// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace chorus::survey {

// One thing wrong with a survey package: where (a JSON path such as
// "sections[1].questions[3].relevant") and what, in plain words an admin can act on.
struct ValidationProblem {
    QString path;
    QString message;

    QString toString() const { return path.isEmpty() ? message : path + QStringLiteral(": ") + message; }
    friend bool operator==(const ValidationProblem &, const ValidationProblem &) = default;
};

// Every problem found in a package, in document order: the loader never stops at the first,
// so an admin can fix a file in one pass. `chorusctl survey lint` prints it.
class ValidationReport
{
public:
    void add(const QString &path, const QString &message) { m_problems.append({path, message}); }
    bool isEmpty() const { return m_problems.isEmpty(); }
    qsizetype size() const { return m_problems.size(); }
    const QList<ValidationProblem> &problems() const { return m_problems; }
    bool mentions(const QString &pathPrefix, const QString &messagePart = {}) const
    {
        for (const ValidationProblem &p : m_problems) {
            if (p.path.startsWith(pathPrefix) && p.message.contains(messagePart)) {
                return true;
            }
        }
        return false;
    }
    // One problem per line.
    QString toText() const
    {
        QString out;
        for (const ValidationProblem &p : m_problems) {
            out += p.toString() + QLatin1Char('\n');
        }
        return out;
    }

private:
    QList<ValidationProblem> m_problems;
};

} // namespace chorus::survey
