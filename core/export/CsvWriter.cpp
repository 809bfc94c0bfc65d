// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/AtomicFile.h"
#include "common/Logging.h"
#include "export/RecordWriter.h"
#include "export/TableLayout.h"

#include <QDir>

#include <vector>

namespace chorus::exports
{

namespace
{

// RFC 4180: quote a field holding a comma, quote, CR or LF (and leading/trailing space, which
// some readers trim), doubling inner quotes.
void appendField(QByteArray &line, const CellValue &cell, bool neutraliseFormulas)
{
    QString text = cell.text;
    // Spreadsheet apps execute a cell starting with = + - @ as a formula (CSV injection); free text
    // typed by a resident is prefixed with ' so it opens as text. Codes and numbers never are.
    if (neutraliseFormulas && cell.freeText && !text.isEmpty()) {
        const QChar first = text.front();
        if (first == QLatin1Char('=') || first == QLatin1Char('+') || first == QLatin1Char('-')
            || first == QLatin1Char('@') || first == QLatin1Char('\t') || first == QLatin1Char('\r'))
            text.prepend(QLatin1Char('\''));
    }
    const bool quote = text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"'))
        || text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\r'))
        || (!text.isEmpty() && (text.front().isSpace() || text.back().isSpace()));
    if (quote) {
        text.replace(QLatin1Char('"'), QLatin1String("\"\""));
        line += '"';
        line += text.toUtf8();
        line += '"';
    } else {
        line += text.toUtf8();
    }
}

QByteArray csvLine(const QList<CellValue> &cells, bool neutraliseFormulas)
{
    QByteArray line;
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i > 0)
            line += ',';
        appendField(line, cells.at(i), neutraliseFormulas);
    }
    line += "\r\n";
    return line;
}

class CsvWriter final : public RecordWriter
{
public:
    CsvWriter(const Catalogue &catalogue, const ExportOptions &options) : m_catalogue(catalogue), m_options(options) { }

    Status open(const QString &dir, const QString &baseName)
    {
        if (Status made = makeDirectory(dir); !made)
            return made;
        QStringList groups { QString() };
        groups += m_catalogue.repeatGroups();
        for (const QString &group : groups) {
            const QString name = group.isEmpty() ? baseName : baseName + QLatin1Char('-') + group;
            auto file = std::make_unique<AtomicFile>(QDir(dir).filePath(name + QLatin1String(".csv")));
            if (Status s = file->open(); !s)
                return s;
            m_layouts.emplace_back(std::make_unique<TableLayout>(m_catalogue, group, m_options));
            QByteArray header;
            if (m_options.utf8Bom)
                header += "\xEF\xBB\xBF";
            QList<CellValue> cells;
            for (const QString &h : m_layouts.back()->headers())
                cells.append(CellValue(h));
            header += csvLine(cells, false);
            if (Status s = file->write(header); !s)
                return s;
            m_files.push_back(std::move(file));
        }
        return {};
    }

    Status write(const Record &record) override
    {
        if (Status s = m_files.front()->write(csvLine(m_layouts.front()->mainRow(record), m_options.neutraliseFormulas));
            !s)
            return s;
        for (size_t t = 1; t < m_layouts.size(); ++t) {
            const TableLayout &layout = *m_layouts[t];
            const QList<Answers> instances = record.repeats.value(layout.group());
            for (qsizetype i = 0; i < instances.size(); ++i) {
                const QByteArray line = csvLine(layout.repeatRow(record, instances.at(i), i), m_options.neutraliseFormulas);
                if (Status s = m_files[t]->write(line); !s)
                    return s;
            }
        }
        ++m_records;
        return {};
    }

    Status finish() override
    {
        for (const auto &file : m_files) {
            if (Status s = file->commit(); !s)
                return s;
        }
        qCInfo(lcExport) << "CSV export finished:" << m_records << "records," << m_files.size() << "files";
        return {};
    }

    QStringList files() const override
    {
        QStringList names;
        for (const auto &file : m_files)
            names.append(file->path());
        return names;
    }

private:
    const Catalogue &m_catalogue;
    ExportOptions m_options;
    std::vector<std::unique_ptr<TableLayout>> m_layouts;
    std::vector<std::unique_ptr<AtomicFile>> m_files;
};

} // namespace

Result<std::unique_ptr<RecordWriter>> makeCsvWriter(
    const QString &dir, const QString &baseName, const Catalogue &catalogue, const ExportOptions &options)
{
    auto writer = std::make_unique<CsvWriter>(catalogue, options);
    if (Status s = writer->open(dir, baseName); !s)
        return s.error();
    return std::unique_ptr<RecordWriter>(std::move(writer));
}

} // namespace chorus::exports
