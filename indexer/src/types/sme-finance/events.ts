import {sts, Block, Bytes, Option, Result, EventType, RuntimeCtx} from '../support'
import * as v105 from '../v105'

export const reportFiled =  {
    name: 'SmeFinance.ReportFiled',
    /**
     * An enterprise filed (or replaced an unattested) report.
     */
    v105: new EventType(
        'SmeFinance.ReportFiled',
        sts.struct({
            enterprise: v105.AccountId32,
            period: v105.ReportingPeriod,
            commitment: v105.H256,
        })
    ),
}

export const reportAttested =  {
    name: 'SmeFinance.ReportAttested',
    /**
     * An auditor attested a report; the enterprise's score counts it.
     */
    v105: new EventType(
        'SmeFinance.ReportAttested',
        sts.struct({
            enterprise: v105.AccountId32,
            period: v105.ReportingPeriod,
            auditor: v105.AccountId32,
        })
    ),
}

export const lineApplied =  {
    name: 'SmeFinance.LineApplied',
    /**
     * An enterprise applied for a credit line.
     */
    v105: new EventType(
        'SmeFinance.LineApplied',
        sts.struct({
            line: sts.bigint(),
            enterprise: v105.AccountId32,
            terms: v105.LineTerms,
        })
    ),
}

export const lineApproved =  {
    name: 'SmeFinance.LineApproved',
    /**
     * The underwriter approved a line with its source.
     */
    v105: new EventType(
        'SmeFinance.LineApproved',
        sts.struct({
            line: sts.bigint(),
            source: v105.LineSource,
        })
    ),
}

export const lineActivated =  {
    name: 'SmeFinance.LineActivated',
    /**
     * The line is funded: milestones may release tranches until `maturity`.
     */
    v105: new EventType(
        'SmeFinance.LineActivated',
        sts.struct({
            line: sts.bigint(),
            maturity: sts.bigint(),
        })
    ),
}

export const trancheReleased =  {
    name: 'SmeFinance.TrancheReleased',
    /**
     * A milestone was attested and its tranche paid to the enterprise.
     */
    v105: new EventType(
        'SmeFinance.TrancheReleased',
        sts.struct({
            line: sts.bigint(),
            milestone: sts.number(),
            amount: sts.bigint(),
            verifier: v105.AccountId32,
        })
    ),
}

export const lineRepaid =  {
    name: 'SmeFinance.LineRepaid',
    /**
     * A payment on a line: interest then principal, and its lateness.
     */
    v105: new EventType(
        'SmeFinance.LineRepaid',
        sts.struct({
            line: sts.bigint(),
            payer: v105.AccountId32,
            interest: sts.bigint(),
            principal: sts.bigint(),
            daysLate: sts.number(),
        })
    ),
}

export const lineClosing =  {
    name: 'SmeFinance.LineClosing',
    /**
     * No new tranches: `undrawn` went back to the source.
     */
    v105: new EventType(
        'SmeFinance.LineClosing',
        sts.struct({
            line: sts.bigint(),
            undrawn: sts.bigint(),
        })
    ),
}

export const lineClosed =  {
    name: 'SmeFinance.LineClosed',
    /**
     * The line is repaid and closed (or withdrawn before funding).
     */
    v105: new EventType(
        'SmeFinance.LineClosed',
        sts.struct({
            line: sts.bigint(),
        })
    ),
}

export const creditReportFailed =  {
    name: 'SmeFinance.CreditReportFailed',
    /**
     * The credit registry refused a report that could not hold back a payment: the
     * history may be missing this event.
     */
    v105: new EventType(
        'SmeFinance.CreditReportFailed',
        sts.struct({
            error: v105.DispatchError,
        })
    ),
}

export const lineDefaulted =  {
    name: 'SmeFinance.LineDefaulted',
    /**
     * The line defaulted: `undrawn` went back to the source; `outstanding` is owed still.
     */
    v105: new EventType(
        'SmeFinance.LineDefaulted',
        sts.struct({
            line: sts.bigint(),
            outstanding: sts.bigint(),
            undrawn: sts.bigint(),
        })
    ),
}

export const invoiceSubmitted =  {
    name: 'SmeFinance.InvoiceSubmitted',
    /**
     * An enterprise submitted an invoice.
     */
    v105: new EventType(
        'SmeFinance.InvoiceSubmitted',
        sts.struct({
            invoice: sts.bigint(),
            enterprise: v105.AccountId32,
            buyer: v105.AccountId32,
            asset: sts.number(),
            amount: sts.bigint(),
            dueAt: sts.bigint(),
            invoiceHash: v105.H256,
        })
    ),
}

export const invoiceConfirmed =  {
    name: 'SmeFinance.InvoiceConfirmed',
    /**
     * The buyer confirmed it owes the invoice.
     */
    v105: new EventType(
        'SmeFinance.InvoiceConfirmed',
        sts.struct({
            invoice: sts.bigint(),
        })
    ),
}

export const invoiceOffered =  {
    name: 'SmeFinance.InvoiceOffered',
    /**
     * The enterprise offered the invoice for financing on these terms.
     */
    v105: new EventType(
        'SmeFinance.InvoiceOffered',
        sts.struct({
            invoice: sts.bigint(),
            offer: v105.FinancingOffer,
        })
    ),
}

export const invoiceRejected =  {
    name: 'SmeFinance.InvoiceRejected',
    /**
     * The buyer rejected the invoice.
     */
    v105: new EventType(
        'SmeFinance.InvoiceRejected',
        sts.struct({
            invoice: sts.bigint(),
        })
    ),
}

export const invoiceCancelled =  {
    name: 'SmeFinance.InvoiceCancelled',
    /**
     * The enterprise withdrew an unconfirmed invoice.
     */
    v105: new EventType(
        'SmeFinance.InvoiceCancelled',
        sts.struct({
            invoice: sts.bigint(),
        })
    ),
}

export const invoiceHashForgotten =  {
    name: 'SmeFinance.InvoiceHashForgotten',
    /**
     * The record of an ended invoice's document hash was pruned after its retention.
     */
    v105: new EventType(
        'SmeFinance.InvoiceHashForgotten',
        sts.struct({
            invoiceHash: v105.H256,
            invoice: sts.bigint(),
        })
    ),
}

export const invoiceFinanced =  {
    name: 'SmeFinance.InvoiceFinanced',
    /**
     * A financier advanced part of the invoice to the enterprise.
     */
    v105: new EventType(
        'SmeFinance.InvoiceFinanced',
        sts.struct({
            invoice: sts.bigint(),
            financier: v105.AccountId32,
            advance: sts.bigint(),
            fee: sts.bigint(),
        })
    ),
}

export const invoicePaid =  {
    name: 'SmeFinance.InvoicePaid',
    /**
     * The buyer paid: the financier's and the enterprise's shares.
     */
    v105: new EventType(
        'SmeFinance.InvoicePaid',
        sts.struct({
            invoice: sts.bigint(),
            toFinancier: sts.bigint(),
            toEnterprise: sts.bigint(),
            daysLate: sts.number(),
        })
    ),
}

export const recourseClaimed =  {
    name: 'SmeFinance.RecourseClaimed',
    /**
     * The buyer defaulted: the enterprise owes the financier `owed`.
     */
    v105: new EventType(
        'SmeFinance.RecourseClaimed',
        sts.struct({
            invoice: sts.bigint(),
            owed: sts.bigint(),
        })
    ),
}

export const recourseRepaid =  {
    name: 'SmeFinance.RecourseRepaid',
    /**
     * The enterprise paid recourse; `owed` is left.
     */
    v105: new EventType(
        'SmeFinance.RecourseRepaid',
        sts.struct({
            invoice: sts.bigint(),
            amount: sts.bigint(),
            owed: sts.bigint(),
        })
    ),
}

export const paramsSet =  {
    name: 'SmeFinance.ParamsSet',
    /**
     * The parameters changed.
     */
    v105: new EventType(
        'SmeFinance.ParamsSet',
        sts.struct({
            params: v105.SmeParams,
        })
    ),
}

export const overdueNotice =  {
    name: 'SmeFinance.OverdueNotice',
    /**
     * A line's oldest unpaid due date, or a recourse, is `days_past_due` days past due (one
     * of the governance thresholds, each announced once); `amount_due` is what is due now.
     */
    v105: new EventType(
        'SmeFinance.OverdueNotice',
        sts.struct({
            target: v105.OverdueTarget,
            borrower: v105.AccountId32,
            daysPastDue: sts.number(),
            amountDue: sts.bigint(),
        })
    ),
}

export const lineCollectorAssigned =  {
    name: 'SmeFinance.LineCollectorAssigned',
    /**
     * The source of a defaulted line assigned `agent` to collect it: it may see the
     * enterprise's contact file until `access_until`.
     */
    v105: new EventType(
        'SmeFinance.LineCollectorAssigned',
        sts.struct({
            line: sts.bigint(),
            agent: v105.AccountId32,
            accessUntil: sts.bigint(),
        })
    ),
}

export const lineCollectionRecovered =  {
    name: 'SmeFinance.LineCollectionRecovered',
    /**
     * The assigned collection agent paid `amount` on the line (`recovered` in all).
     */
    v105: new EventType(
        'SmeFinance.LineCollectionRecovered',
        sts.struct({
            line: sts.bigint(),
            agent: v105.AccountId32,
            amount: sts.bigint(),
            recovered: sts.bigint(),
        })
    ),
}
