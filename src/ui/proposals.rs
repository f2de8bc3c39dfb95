//! Proposals: every request a lender can accept, ranked, each opening its
//! schedule and balance chart; any two side by side; and, with several
//! lenders, how to split what the borrower can pay.

use super::chart::BalanceChart;
use super::fields::Fact;
use super::results::ScheduleTable;
use super::{use_lang, use_text};
use crate::engine::{Proposal, ProposalKind};
use crate::i18n::{money, percent, Lang};
use crate::scenario::Evaluation;
use leptos::prelude::*;
use rust_decimal::Decimal;


/// A proposal's identity on the page: loan id and kind-specific parameters
/// survive recomputation, so a comparison stays on the same plan.
fn key(p: &Proposal) -> String {
    format!(
        "{}:{:?}:{}:{}:{:?}",
        p.loan_id,
        p.kind,
        p.params.term_months.unwrap_or(0),
        p.params.holiday_months.unwrap_or(0),
        p.params.holiday_mode
    )
}

/// The label under which a proposal is listed: its kind and what it asks.
fn title(p: &Proposal, lang: Lang) -> String {
    let t = lang.text();
    let mut s = lang.proposal_kind(p.kind).to_string();
    let months = |m: u32| format!("{m} {}", t.months_unit);
    match p.kind {
        ProposalKind::TermExtension | ProposalKind::FrozenInstalments => {
            if let Some(m) = p.params.term_months {
                s.push_str(&format!(" · {}", months(m)));
            }
            if p.params.shortest_fit {
                s.push_str(&match lang {
                    Lang::Zh => format!("（{}）", t.shortest_fit),
                    Lang::En => format!(" ({})", t.shortest_fit),
                });
            }
        }
        ProposalKind::PaymentHoliday => {
            if let (Some(h), Some(mode)) = (p.params.holiday_months, p.params.holiday_mode) {
                s.push_str(&format!(" · {} {} · {}", t.holiday_label, months(h), lang.holiday_mode(mode)));
            }
        }
        ProposalKind::PenaltyWaiver => {
            if let Some(k) = p.params.catch_up_months {
                s.push_str(&format!(" · {} {k}", t.catch_up_label));
            }
        }
        ProposalKind::Settlement => {
            if let Some(l) = p.params.lump_sum {
                s.push_str(&format!(" · {} {}", t.lump_sum_label, money(l)));
            }
        }
        ProposalKind::CashFlowPlan | ProposalKind::Contract => {}
    }
    s
}

#[component]
pub fn ProposalsSection(evaluation: Memo<Evaluation>) -> impl IntoView {
    let t = use_text();
    let lang = use_lang();
    // Keys of the (at most two) proposals ticked for comparison.
    let (compared, set_compared) = signal(Vec::<String>::new());
    let proposals = Memo::new(move |_| evaluation.with(|e| e.proposals.clone()));
    let loan_ids = Memo::new(move |_| evaluation.with(|e| e.loans.iter().map(|l| (l.id.clone(), l.lender)).collect::<Vec<_>>()));
    let several = move || loan_ids.with(|l| l.len() > 1);
    let toggle = move |k: String| {
        set_compared.update(|c| {
            if let Some(i) = c.iter().position(|x| *x == k) {
                c.remove(i);
            } else {
                c.push(k);
                if c.len() > 2 {
                    c.remove(0);
                }
            }
        })
    };
    view! {
        <section class="card" aria-labelledby="proposals-h" data-testid="proposals">
            <h2 id="proposals-h">{move || t().proposals_heading}</h2>
            <p class="explain">{move || t().proposals_intro}</p>
            <Show when=move || proposals.with(Vec::is_empty)>
                <p data-testid="no-proposals">{move || t().no_proposals}</p>
            </Show>
            {move || {
                loan_ids
                    .get()
                    .into_iter()
                    .enumerate()
                    .map(|(i, (id, lender))| {
                        let heading = several().then(|| format!("{} {} · {}", t().loan_label, i + 1, lang.get().lender(lender)));
                        let id_for_list = id.clone();
                        view! {
                            <div class="proposal-group" data-loan=id>
                                {heading.map(|h| view! { <h3>{h}</h3> })}
                                <ol class="proposal-list">
                                    {move || {
                                        proposals.with(|ps| {
                                            ps.iter()
                                                .filter(|p| p.loan_id == id_for_list)
                                                .map(|p| {
                                                    let k = key(p);
                                                    let k2 = k.clone();
                                                    view! {
                                                        <ProposalCard
                                                            proposal=p.clone()
                                                            compared=Signal::derive(move || compared.with(|c| c.contains(&k2)))
                                                            on_compare=Callback::new(move |_| toggle(k.clone()))
                                                        />
                                                    }
                                                })
                                                .collect_view()
                                        })
                                    }}
                                </ol>
                            </div>
                        }
                    })
                    .collect_view()
            }}
            <Comparison evaluation=evaluation compared=compared on_clear=Callback::new(move |_| set_compared.set(Vec::new())) />
            <AllocationView evaluation=evaluation />
        </section>
    }
}

#[component]
fn ProposalCard(proposal: Proposal, #[prop(into)] compared: Signal<bool>, on_compare: Callback<()>) -> impl IntoView {
    let t = use_text();
    let lang = use_lang();
    let p = proposal;
    let kind = serde_json::to_value(p.kind).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
    let title_text = {
        let p = p.clone();
        move || title(&p, lang.get())
    };
    let explain = move || lang.get().proposal_explain(p.kind);
    let body = match p.figures.clone() {
        None => {
            let reason = p.infeasible;
            view! {
                <p class="verdict no-fit" data-testid="infeasible">
                    <strong>{move || t().why_not}</strong>
                    " · "
                    {move || reason.as_ref().map(|r| lang.get().infeasible(r)).unwrap_or_default()}
                </p>
            }
            .into_any()
        }
        Some(f) => {
            let fits = f.fits_budget;
            // The last instalment absorbs cents; only a real variation is a range.
            let payment = if f.max_payment - f.min_payment <= Decimal::ONE {
                money(f.monthly_payment)
            } else {
                format!("{} – {}", money(f.min_payment), money(f.max_payment))
            };
            let apr = f.apr_nominal_percent.map(percent).unwrap_or_else(|| "—".into());
            let discount = f.discount.map(|d| format!("{} ({})", money(d), f.discount_percent.map(percent).unwrap_or_default()));
            let rows = Signal::derive({
                let s = f.schedule.clone();
                move || s.clone()
            });
            let stem = {
                let p = p.clone();
                Signal::derive(move || title(&p, lang.get()))
            };
            view! {
                <p class=if fits { "badge fits" } else { "badge no-fit" } data-testid="fits" data-fits=fits.to_string()>
                    {move || if fits { t().fits_budget } else { t().over_budget }}
                    " · "
                    {move || t().monthly_margin}
                    " "
                    {money(f.margin)}
                </p>
                <dl class="facts">
                    <Fact label=|t| t.monthly_payment explain=|t| t.explain_payment value=payment testid="p-payment" />
                    <Fact label=|t| t.months_label explain=|t| t.explain_months value=f.months.to_string() testid="p-months" />
                    <Fact label=|t| t.total_paid explain=|t| t.explain_total_paid value=money(f.total_paid) testid="p-total-paid" />
                    <Fact
                        label=|t| t.total_interest_fees
                        explain=|t| t.explain_total_interest
                        value=money(f.total_interest)
                        testid="p-total-interest"
                    />
                    <Fact label=|t| t.apr_nominal explain=|t| t.explain_apr value=apr testid="p-apr" />
                    <Fact
                        label=|t| t.saving_vs_contract
                        explain=|t| t.explain_saving_contract
                        value=money(f.saving_vs_contract)
                        testid="p-saving-contract"
                    />
                    <Fact
                        label=|t| t.saving_vs_nothing
                        explain=|t| t.explain_saving_nothing
                        value=money(f.saving_vs_nothing)
                        testid="p-saving-nothing"
                    />
                    <Fact
                        label=|t| t.principal_recovered
                        explain=|t| t.explain_recovered
                        value=percent(f.principal_recovered_percent)
                        testid="p-recovered"
                    />
                    <Fact
                        label=|t| t.lender_pv
                        explain=|t| t.explain_pv
                        value=format!("{} ({})", money(f.lender_pv), percent(f.lender_pv_percent))
                        testid="p-pv"
                    />
                    {discount.map(|d| view! { <Fact label=|t| t.discount explain=|t| t.explain_discount value=d testid="p-discount" /> })}
                </dl>
                <ScheduleTable rows=rows file_stem=stem />
            }
            .into_any()
        }
    };
    let can_compare = p.figures.is_some();
    view! {
        <li class="proposal" data-testid="proposal" data-kind=kind data-rank=p.rank.to_string()>
            <div class="proposal-head">
                <h4>{title_text}</h4>
                {can_compare.then(|| view! {
                    <label class="compare-toggle">
                        <input
                            type="checkbox"
                            data-testid="compare"
                            prop:checked=move || compared.get()
                            on:change=move |_| on_compare.run(())
                        />
                        {move || t().compare}
                    </label>
                })}
            </div>
            <p class="explain">{explain}</p>
            {body}
        </li>
    }
}

#[component]
fn Comparison(evaluation: Memo<Evaluation>, compared: ReadSignal<Vec<String>>, on_clear: Callback<()>) -> impl IntoView {
    let t = use_text();
    let lang = use_lang();
    let chosen = Memo::new(move |_| {
        let keys = compared.get();
        evaluation.with(|e| {
            keys.iter()
                .filter_map(|k| e.proposals.iter().find(|p| key(p) == *k && p.figures.is_some()).cloned())
                .collect::<Vec<_>>()
        })
    });
    view! {
        <div class="comparison" data-testid="comparison">
            <h3>{move || t().compare_heading}</h3>
            {move || {
                let ps = chosen.get();
                if ps.len() < 2 {
                    return view! { <p class="explain">{t().compare_hint}</p> }.into_any();
                }
                let figures: Vec<_> = ps.iter().filter_map(|p| p.figures.clone()).collect();
                let row = |label: &'static str, f: &dyn Fn(&crate::engine::proposal::Figures) -> String| {
                    view! {
                        <tr>
                            <th scope="row">{label}</th>
                            {figures.iter().map(|x| view! { <td>{f(x)}</td> }).collect_view()}
                        </tr>
                    }
                };
                let tx = t();
                let series: Vec<_> = figures.iter().map(|f| f.schedule.clone()).collect();
                let names: Vec<String> = ps.iter().map(|p| title(p, lang.get())).collect();
                let label = format!("{}: {}", tx.chart_label, names.join(" / "));
                view! {
                    <div class="table-wrap">
                        <table data-testid="comparison-table">
                            <thead>
                                <tr>
                                    <th></th>
                                    {names.iter().enumerate().map(|(i, n)| view! { <th scope="col" class=format!("series-{i}")>{n.clone()}</th> }).collect_view()}
                                </tr>
                            </thead>
                            <tbody>
                                {row(tx.monthly_payment, &|f| money(f.monthly_payment))}
                                {row(tx.months_label, &|f| f.months.to_string())}
                                {row(tx.total_paid, &|f| money(f.total_paid))}
                                {row(tx.total_interest_fees, &|f| money(f.total_interest))}
                                {row(tx.apr_nominal, &|f| f.apr_nominal_percent.map(percent).unwrap_or_else(|| "—".into()))}
                                {row(tx.saving_vs_contract, &|f| money(f.saving_vs_contract))}
                                {row(tx.principal_recovered, &|f| percent(f.principal_recovered_percent))}
                                {row(tx.lender_pv, &|f| money(f.lender_pv))}
                                {row(tx.fits_budget, &|f| if f.fits_budget { "✓".to_string() } else { "✗".to_string() })}
                            </tbody>
                        </table>
                    </div>
                    <BalanceChart series=Signal::derive(move || series.clone()) label=Signal::derive(move || label.clone()) />
                    <button type="button" class="secondary" data-testid="clear-compare" on:click=move |_| on_clear.run(())>
                        {tx.clear_compare}
                    </button>
                }
                .into_any()
            }}
        </div>
    }
}

/// Several lenders: fair share, avalanche and snowball splits of the surplus.
#[component]
fn AllocationView(evaluation: Memo<Evaluation>) -> impl IntoView {
    let t = use_text();
    let lang = use_lang();
    let plan = Memo::new(move |_| evaluation.with(|e| e.allocation.clone()));
    let lender_of = move |id: &str| {
        evaluation.with(|e| {
            e.loans.iter().position(|l| l.id == id).map(|i| format!("{} {} · {}", t().loan_label, i + 1, lang.get().lender(e.loans[i].lender)))
        })
    };
    move || {
        let plan = plan.get()?;
        Some(view! {
            <div class="allocation" data-testid="allocation">
                <h3>{t().allocation_heading}</h3>
                <p class="explain">{t().allocation_intro}</p>
                <p>{t().disposable} " " <strong>{money(plan.surplus)}</strong></p>
                {plan.token.map(|tok| view! {
                    <div class="note" data-testid="token-plan">
                        <h4>{t().token_heading}</h4>
                        <p>{t().token_text} " " {money(tok.per_lender)} " / " {t().per_month} " · " {tok.review_months} " " {t().months_unit}</p>
                    </div>
                })}
                {plan
                    .strategies
                    .into_iter()
                    .map(|a| {
                        let strategy = serde_json::to_value(a.strategy).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
                        view! {
                            <div class="table-wrap short">
                                <table data-testid="allocation-table" data-strategy=strategy>
                                    <caption>
                                        {lang.get().strategy(a.strategy)}
                                        {(!a.feasible).then(|| format!(" · {} {}", t().shortfall_label, money(a.shortfall)))}
                                    </caption>
                                    <tbody>
                                        {a.shares
                                            .iter()
                                            .map(|s| {
                                                view! {
                                                    <tr>
                                                        <th scope="row">{lender_of(&s.id).unwrap_or_else(|| s.id.clone())}</th>
                                                        <td>{money(s.payment)}</td>
                                                    </tr>
                                                }
                                            })
                                            .collect_view()}
                                    </tbody>
                                </table>
                            </div>
                        }
                    })
                    .collect_view()}
            </div>
        })
    }
}

