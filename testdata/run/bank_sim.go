package main

type Account struct {
	ID      int
	Owner   string
	Balance int64
	History []Tx
}

type Tx struct {
	Kind   string
	Amount int64
}

type Bank struct {
	accounts []*Account
	nextID   int
}

func (b *Bank) Open(owner string, initial int64) *Account {
	b.nextID++
	a := &Account{ID: b.nextID, Owner: owner}
	b.accounts = append(b.accounts, a)
	if initial > 0 {
		a.Deposit(initial)
	}
	return a
}

func (a *Account) Deposit(n int64) {
	a.Balance += n
	a.History = append(a.History, Tx{"deposit", n})
}

func (a *Account) Withdraw(n int64) bool {
	if n > a.Balance {
		a.History = append(a.History, Tx{"rejected", n})
		return false
	}
	a.Balance -= n
	a.History = append(a.History, Tx{"withdraw", n})
	return true
}

func (b *Bank) Transfer(from, to *Account, n int64) bool {
	if !from.Withdraw(n) {
		return false
	}
	to.Deposit(n)
	return true
}

func (b *Bank) Total() int64 {
	var t int64
	for _, a := range b.accounts {
		t += a.Balance
	}
	return t
}

func (b *Bank) Find(owner string) *Account {
	for _, a := range b.accounts {
		if a.Owner == owner {
			return a
		}
	}
	return nil
}

func main() {
	var bank Bank
	alice := bank.Open("alice", 100)
	bob := bank.Open("bob", 50)
	carol := bank.Open("carol", 0)
	println(bank.Transfer(alice, bob, 30), bank.Transfer(bob, carol, 100), bank.Transfer(bob, carol, 80))
	for i := 0; i < 10; i++ {
		bank.Transfer(carol, alice, 5)
	}
	for _, a := range bank.accounts {
		println(a.ID, a.Owner, a.Balance, len(a.History))
	}
	println("total", bank.Total())
	if bank.Find("dave") == nil {
		println("no dave")
	}
	for _, tx := range bank.Find("bob").History {
		println(" ", tx.Kind, tx.Amount)
	}
}
