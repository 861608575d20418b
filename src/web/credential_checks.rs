//! Credential checks coalesced across concurrent requests: one database turn reads the
//! session or token of every request waiting, with the knowledge base's generation.
//!
//! A request is answered by a turn that begins after it arrived, so it sees every change
//! committed before it arrived, on any server sharing the database: a sign-out or a write on
//! one server is still seen by the next request on the others. Under load one turn answers
//! the many requests that arrived during the previous one, instead of each taking its own.

use super::error::WebError;
use super::state::AppState;
use crate::domain::audit::Account;
use crate::store::generation;
use crate::store::sessions::{LiveSession, live_sessions};
use crate::store::tokens::accounts_for_tokens;
use actix_web::web;
use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use tokio::sync::oneshot;

/// A credential a request carries.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Secret {
    /// A browser session's cookie secret.
    Session(String),
    /// An API bearer token.
    Token(String),
}

/// Whom a live credential belongs to.
#[derive(Debug, Clone)]
pub enum Holder {
    Session(LiveSession),
    Token { account: Account, id: i32 },
}

/// What a check found: the holder if the credential is live, and the generation read in the
/// same turn.
#[derive(Debug, Clone)]
pub struct Checked {
    pub holder: Option<Holder>,
    pub generation: i64,
}

/// One turn's findings: for each secret asked, in order, its holder (`None` when unknown,
/// expired or revoked) or why it could not be checked; and the generation.
pub struct Batch {
    pub each: Vec<Result<Option<Holder>, WebError>>,
    pub generation: i64,
}

type Reply = Result<Checked, Arc<WebError>>;

#[derive(Default)]
struct Queue {
    waiting: Vec<(Secret, oneshot::Sender<Reply>)>,
    /// A task is taking turns; it takes every request waiting until none is left.
    checking: bool,
}

/// The queue of requests waiting for their credentials to be checked.
#[derive(Default)]
pub struct CredentialChecks {
    queue: Mutex<Queue>,
}

impl CredentialChecks {
    fn queue(&self) -> MutexGuard<'_, Queue> {
        self.queue.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Checks `secret` in the database shared by every server.
    pub async fn check(
        self: &Arc<Self>,
        state: web::Data<AppState>,
        secret: Secret,
    ) -> Result<Checked, WebError> {
        self.check_with(secret, move |secrets| read(state.clone(), secrets))
            .await
    }

    /// Checks `secret` in the next turn `read` takes: the first request to find no turn under
    /// way starts a task that takes turns until no request is waiting.
    async fn check_with<R, F>(
        self: &Arc<Self>,
        secret: Secret,
        read: R,
    ) -> Result<Checked, WebError>
    where
        R: FnMut(Vec<Secret>) -> F + 'static,
        F: Future<Output = Result<Batch, WebError>> + 'static,
    {
        let (reply, answer) = oneshot::channel();
        let start = {
            let mut queue = self.queue();
            queue.waiting.push((secret, reply));
            !std::mem::replace(&mut queue.checking, true)
        };
        if start {
            actix_web::rt::spawn(Arc::clone(self).take_turns(read));
        }
        match answer.await {
            Ok(Ok(checked)) => Ok(checked),
            Ok(Err(e)) => Err(for_each_request(&e)),
            Err(_) => Err(WebError::Internal(
                "the credential check stopped before answering".into(),
            )),
        }
    }

    /// Takes turns until no request is waiting.
    async fn take_turns<R, F>(self: Arc<Self>, mut read: R)
    where
        R: FnMut(Vec<Secret>) -> F,
        F: Future<Output = Result<Batch, WebError>>,
    {
        let mut unstick = Unstick {
            checks: &self,
            armed: true,
        };
        loop {
            let waiting = {
                let mut queue = self.queue();
                if queue.waiting.is_empty() {
                    queue.checking = false;
                    unstick.armed = false;
                    return;
                }
                std::mem::take(&mut queue.waiting)
            };
            let requests = waiting.len();
            let (secrets, replies) = distinct(waiting);
            let found = read(secrets).await;
            crate::metrics::record_credential_turn(requests);
            answer(found, replies);
        }
    }
}

/// Should the task taking turns stop without emptying the queue (a panic), the requests
/// waiting are answered with an error and the next request starts a new task.
struct Unstick<'a> {
    checks: &'a CredentialChecks,
    armed: bool,
}

impl Drop for Unstick<'_> {
    fn drop(&mut self) {
        if self.armed {
            let mut queue = self.checks.queue();
            queue.checking = false;
            queue.waiting.clear();
        }
    }
}

/// The distinct secrets asked (many requests share a session), and each request's reply
/// with the index of its secret.
fn distinct(
    waiting: Vec<(Secret, oneshot::Sender<Reply>)>,
) -> (Vec<Secret>, Vec<(usize, oneshot::Sender<Reply>)>) {
    let mut index: HashMap<Secret, usize> = HashMap::new();
    let mut secrets = Vec::new();
    let mut replies = Vec::with_capacity(waiting.len());
    for (secret, reply) in waiting {
        let i = *index.entry(secret).or_insert_with_key(|s| {
            secrets.push(s.clone());
            secrets.len() - 1
        });
        replies.push((i, reply));
    }
    (secrets, replies)
}

/// Sends each request what its turn found (a request that went away is skipped).
fn answer(found: Result<Batch, WebError>, replies: Vec<(usize, oneshot::Sender<Reply>)>) {
    match found {
        Ok(batch) => {
            let generation = batch.generation;
            let each: Vec<Result<Option<Holder>, Arc<WebError>>> = batch
                .each
                .into_iter()
                .map(|r| r.map_err(Arc::new))
                .collect();
            for (i, reply) in replies {
                let sent = match each.get(i) {
                    Some(Ok(holder)) => Ok(Checked {
                        holder: holder.clone(),
                        generation,
                    }),
                    Some(Err(e)) => Err(Arc::clone(e)),
                    None => Err(Arc::new(too_few())),
                };
                drop(reply.send(sent));
            }
        }
        Err(e) => {
            let e = Arc::new(e);
            for (_, reply) in replies {
                drop(reply.send(Err(Arc::clone(&e))));
            }
        }
    }
}

fn too_few() -> WebError {
    WebError::Internal("the credential check answered fewer secrets than it was asked".into())
}

/// A turn's error as one request's: a busy database stays "try again" (503), anything else
/// is an internal error with the same message.
fn for_each_request(e: &WebError) -> WebError {
    match e {
        WebError::Unavailable(m) => WebError::Unavailable(m.clone()),
        other => WebError::Internal(other.to_string()),
    }
}

/// One turn on the database: the sessions and tokens asked, then the generation.
async fn read(state: web::Data<AppState>, secrets: Vec<Secret>) -> Result<Batch, WebError> {
    let mut sessions = Vec::new();
    let mut tokens = Vec::new();
    for secret in &secrets {
        match secret {
            Secret::Session(s) => sessions.push(s.clone()),
            Secret::Token(t) => tokens.push(t.clone()),
        }
    }
    let timeouts = state.sessions;
    let (sessions, tokens, generation) = state
        .run(move |c| {
            let now = crate::store::pack::seed::import_time();
            let sessions = if sessions.is_empty() {
                Vec::new()
            } else {
                live_sessions(c, &sessions, timeouts, now)?
            };
            let tokens = if tokens.is_empty() {
                Vec::new()
            } else {
                accounts_for_tokens(c, &tokens, now)?
            };
            // Read after the credentials, like any cache's generation before its data.
            Ok((sessions, tokens, generation::current(c)?))
        })
        .await?;
    let mut sessions = sessions.into_iter();
    let mut tokens = tokens.into_iter();
    let each = secrets
        .iter()
        .map(|secret| {
            let found = match secret {
                Secret::Session(_) => sessions.next().map(|f| f.map(|s| s.map(Holder::Session))),
                Secret::Token(_) => tokens
                    .next()
                    .map(|f| f.map(|t| t.map(|(account, id)| Holder::Token { account, id }))),
            };
            match found {
                Some(found) => found.map_err(WebError::from),
                None => Err(too_few()),
            }
        })
        .collect();
    Ok(Batch { each, generation })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Role;
    use std::cell::RefCell;
    use std::rc::Rc;

    fn holder(secret: &Secret) -> Holder {
        let (Secret::Session(name) | Secret::Token(name)) = secret;
        Holder::Token {
            account: Account {
                id: 1,
                email: format!("{name}@example.org"),
                role: Role::Viewer,
                must_change_password: false,
                created_at: chrono::NaiveDateTime::default(),
                last_login_at: None,
                disabled_at: None,
            },
            id: name.len() as i32,
        }
    }

    fn email(checked: &Result<Checked, WebError>) -> String {
        match checked {
            Ok(Checked {
                holder: Some(Holder::Token { account, .. }),
                ..
            }) => account.email.clone(),
            other => format!("{other:?}"),
        }
    }

    /// A reader that notes each turn's secrets and, for the first turn, waits until the
    /// test lets it go; "unknown" has no holder and "broken" cannot be checked.
    #[allow(clippy::type_complexity)]
    fn gated_reader(
        turns: Rc<RefCell<Vec<Vec<Secret>>>>,
        gate: Rc<RefCell<Option<oneshot::Receiver<()>>>>,
    ) -> impl FnMut(Vec<Secret>) -> std::pin::Pin<Box<dyn Future<Output = Result<Batch, WebError>>>>
    {
        move |secrets| {
            turns.borrow_mut().push(secrets.clone());
            let wait = gate.borrow_mut().take();
            let generation = turns.borrow().len() as i64;
            Box::pin(async move {
                if let Some(wait) = wait {
                    drop(wait.await);
                }
                let each = secrets
                    .iter()
                    .map(|s| match s {
                        Secret::Session(n) if n == "unknown" => Ok(None),
                        Secret::Session(n) if n == "broken" => {
                            Err(WebError::Internal("unreadable account".into()))
                        }
                        s => Ok(Some(holder(s))),
                    })
                    .collect();
                Ok(Batch { each, generation })
            })
        }
    }

    #[actix_web::test]
    async fn requests_arriving_during_a_turn_share_the_next_one() {
        let checks = Arc::new(CredentialChecks::default());
        let turns = Rc::new(RefCell::new(Vec::new()));
        let (open, gate) = oneshot::channel();
        let gate = Rc::new(RefCell::new(Some(gate)));
        let ask = |name: &str| {
            let checks = Arc::clone(&checks);
            let reader = gated_reader(Rc::clone(&turns), Rc::clone(&gate));
            let secret = Secret::Session(name.to_owned());
            actix_web::rt::spawn(async move { checks.check_with(secret, reader).await })
        };
        let first = ask("alice");
        // Let the first turn begin: it holds "alice" alone and waits at the gate.
        while turns.borrow().is_empty() {
            actix_web::rt::task::yield_now().await;
        }
        let during = [
            ask("bob"),
            ask("carol"),
            ask("bob"),
            ask("unknown"),
            ask("broken"),
        ];
        for _ in 0..10 {
            actix_web::rt::task::yield_now().await;
        }
        assert_eq!(
            turns.borrow().len(),
            1,
            "no second turn while the first runs"
        );
        open.send(()).expect("the first turn waits");
        let first = first.await.expect("task");
        assert_eq!(email(&first), "alice@example.org");
        assert_eq!(first.as_ref().map(|c| c.generation).ok(), Some(1));
        let mut answers = Vec::new();
        for task in during {
            answers.push(task.await.expect("task"));
        }
        let session = |n: &str| Secret::Session(n.to_owned());
        assert_eq!(
            *turns.borrow(),
            vec![
                vec![session("alice")],
                vec![
                    session("bob"),
                    session("carol"),
                    session("unknown"),
                    session("broken")
                ],
            ],
            "one turn for everything that arrived during the first, each secret once"
        );
        assert_eq!(email(&answers[0]), "bob@example.org");
        assert_eq!(email(&answers[1]), "carol@example.org");
        assert_eq!(email(&answers[2]), "bob@example.org");
        assert!(matches!(
            &answers[3],
            Ok(Checked {
                holder: None,
                generation: 2
            })
        ));
        assert!(matches!(&answers[4], Err(WebError::Internal(m)) if m == "unreadable account"));
    }

    #[actix_web::test]
    async fn a_failed_turn_fails_its_requests_and_the_next_turn_starts_afresh() {
        let checks = Arc::new(CredentialChecks::default());
        let failing =
            |_: Vec<Secret>| async { Err(WebError::Unavailable("pool timed out".into())) };
        let failed = checks.check_with(Secret::Token("t".into()), failing).await;
        assert!(matches!(failed, Err(WebError::Unavailable(m)) if m == "pool timed out"));
        let turns = Rc::new(RefCell::new(Vec::new()));
        let reader = gated_reader(Rc::clone(&turns), Rc::new(RefCell::new(None)));
        let again = checks.check_with(Secret::Token("t".into()), reader).await;
        assert_eq!(email(&again), "t@example.org");
    }

    #[actix_web::test]
    async fn a_turn_that_panics_answers_its_requests_and_does_not_stop_later_ones() {
        let checks = Arc::new(CredentialChecks::default());
        let panicking = |_: Vec<Secret>| async {
            panic!("reader panicked (expected by this test)");
        };
        let lost = checks
            .check_with(Secret::Token("t".into()), panicking)
            .await;
        assert!(matches!(lost, Err(WebError::Internal(_))), "{lost:?}");
        let turns = Rc::new(RefCell::new(Vec::new()));
        let reader = gated_reader(Rc::clone(&turns), Rc::new(RefCell::new(None)));
        let again = checks.check_with(Secret::Token("t".into()), reader).await;
        assert_eq!(email(&again), "t@example.org");
    }
}
