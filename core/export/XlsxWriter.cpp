// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/AtomicFile.h"
#include "common/Logging.h"
#include "export/RecordWriter.h"
#include "export/TableLayout.h"

#include <QDir>
#include <QFile>
#include <QSet>

#include <xlsxwriter.h>

#include <memory>
#include <vector>

namespace chorus::exports
{

namespace
{

constexpr qsizetype kMaxCellChars = 32767; // Excel's limit for one cell

struct WorkbookCloser {
    void operator()(lxw_workbook *wb) const
    {
        if (wb)
            workbook_close(wb);
    }
};

// Excel forbids []:*?/\ in sheet names and caps them at 31 characters.
QString sheetName(const QString &wanted, QSet<QString> &used)
{
    QString base = wanted;
    for (QChar &c : base) {
        if (QStringLiteral("[]:*?/\\").contains(c))
            c = QLatin1Char('_');
    }
    base = base.left(LXW_SHEETNAME_MAX);
    QString name = base;
    for (int n = 2; used.contains(name.toLower()); ++n) {
        const QString suffix = QStringLiteral(" (%1)").arg(n);
        name = base.left(LXW_SHEETNAME_MAX - suffix.size()) + suffix;
    }
    used.insert(name.toLower());
    return name;
}

class XlsxWriter final : public RecordWriter
{
public:
    XlsxWriter(const Catalogue &catalogue, const ExportOptions &options)
        : m_catalogue(catalogue), m_options(options) { }

    ~XlsxWriter() override
    {
        m_workbook.reset(); // closes and writes the temporary file, which m_file then removes
    }

    Status open(const QString &dir, const QString &baseName)
    {
        m_finalPath = QDir(dir).filePath(baseName + QLatin1String(".xlsx"));
        m_file = std::make_unique<AtomicFile>(m_finalPath);
        // libxlsxwriter writes the file itself: it gets the temporary name, commit() syncs and renames.
        if (Status s = m_file->open(); !s)
            return s;
        if (Status s = m_file->releaseForExternalWriter(); !s)
            return s;
        const QByteArray path = QFile::encodeName(m_file->temporaryPath());
        lxw_workbook_options wbOptions {};
        wbOptions.constant_memory = LXW_TRUE; // rows go to temp files as written: flat memory
        wbOptions.use_zip64 = LXW_TRUE; // large exports pass 4 GB of XML
        m_workbook.reset(workbook_new_opt(path.constData(), &wbOptions));
        if (!m_workbook)
            return makeError(
                ErrorKind::Io, QStringLiteral("Cannot create %1: check the folder is writable.").arg(m_finalPath));
        m_bold = workbook_add_format(m_workbook.get());
        format_set_bold(m_bold);

        QStringList groups { QString() };
        groups += m_catalogue.repeatGroups();
        for (const QString &group : groups) {
            Sheet sheet;
            sheet.layout = std::make_unique<TableLayout>(m_catalogue, group, m_options);
            sheet.title = group.isEmpty() ? QStringLiteral("records") : group;
            if (Status s = startSheet(sheet); !s)
                return s;
            m_sheets.push_back(std::move(sheet));
        }
        return {};
    }

    Status write(const Record &record) override
    {
        if (Status s = writeRow(m_sheets.front(), m_sheets.front().layout->mainRow(record)); !s)
            return s;
        for (size_t t = 1; t < m_sheets.size(); ++t) {
            Sheet &sheet = m_sheets[t];
            const QList<Answers> instances = record.repeats.value(sheet.layout->group());
            for (qsizetype i = 0; i < instances.size(); ++i) {
                if (Status s = writeRow(sheet, sheet.layout->repeatRow(record, instances.at(i), i)); !s)
                    return s;
            }
        }
        ++m_records;
        return {};
    }

    Status finish() override
    {
        const lxw_error error = workbook_close(m_workbook.release());
        if (error != LXW_NO_ERROR) {
            m_file->discard();
            return makeError(ErrorKind::Io,
                QStringLiteral("Could not complete %1: %2 (is the disk full?)")
                    .arg(m_finalPath, QString::fromUtf8(lxw_strerror(error))));
        }
        if (Status s = m_file->commit(); !s)
            return s;
        qCInfo(lcExport) << "XLSX export finished:" << m_records << "records," << m_sheets.size() << "tables";
        return {};
    }

    QStringList files() const override { return { m_finalPath }; }

private:
    struct Sheet {
        std::unique_ptr<TableLayout> layout;
        QString title;
        lxw_worksheet *worksheet = nullptr;
        lxw_row_t nextRow = 0;
        int part = 1;
    };

    Status startSheet(Sheet &sheet)
    {
        const QString wanted
            = sheet.part == 1 ? sheet.title : QStringLiteral("%1 (%2)").arg(sheet.title).arg(sheet.part);
        const QByteArray name = sheetName(wanted, m_usedNames).toUtf8();
        sheet.worksheet = workbook_add_worksheet(m_workbook.get(), name.constData());
        if (!sheet.worksheet)
            return makeError(ErrorKind::Internal, QStringLiteral("Could not add the sheet %1.").arg(wanted));
        sheet.nextRow = 0;
        QList<CellValue> header;
        for (const QString &h : sheet.layout->headers())
            header.append(CellValue(h));
        return writeRow(sheet, header, m_bold);
    }

    Status writeRow(Sheet &sheet, const QList<CellValue> &cells, lxw_format *format = nullptr)
    {
        if (sheet.nextRow >= LXW_ROW_MAX) {
            // Past Excel's row limit the table continues on a new sheet with the same header.
            ++sheet.part;
            if (Status s = startSheet(sheet); !s)
                return s;
        }
        const lxw_row_t row = sheet.nextRow++;
        for (qsizetype c = 0; c < cells.size(); ++c) {
            const CellValue &cell = cells.at(c);
            if (cell.text.isEmpty())
                continue;
            const auto col = static_cast<lxw_col_t>(c);
            lxw_error error = LXW_NO_ERROR;
            bool isNumber = false;
            const double number = cell.numeric ? cell.text.toDouble(&isNumber) : 0.0;
            if (isNumber) {
                error = worksheet_write_number(sheet.worksheet, row, col, number, format);
            } else {
                const QByteArray text = cell.text.left(kMaxCellChars).toUtf8();
                error = worksheet_write_string(sheet.worksheet, row, col, text.constData(), format);
            }
            if (error != LXW_NO_ERROR)
                return makeError(ErrorKind::Io,
                    QStringLiteral("Writing the spreadsheet failed: %1").arg(QString::fromUtf8(lxw_strerror(error))));
        }
        return {};
    }

    const Catalogue &m_catalogue;
    ExportOptions m_options;
    std::unique_ptr<lxw_workbook, WorkbookCloser> m_workbook;
    lxw_format *m_bold = nullptr;
    std::vector<Sheet> m_sheets;
    QSet<QString> m_usedNames;
    QString m_finalPath;
    std::unique_ptr<AtomicFile> m_file;
};

} // namespace

Result<std::unique_ptr<RecordWriter>> makeXlsxWriter(
    const QString &dir, const QString &baseName, const Catalogue &catalogue, const ExportOptions &options)
{
    auto writer = std::make_unique<XlsxWriter>(catalogue, options);
    if (Status s = writer->open(dir, baseName); !s)
        return s.error();
    return std::unique_ptr<RecordWriter>(std::move(writer));
}

} // namespace chorus::exports
