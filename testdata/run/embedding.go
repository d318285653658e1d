package main

type Animal struct {
	Name string
	Legs int
}

func (a Animal) Describe() string { return a.Name }
func (a *Animal) SetName(n string) { a.Name = n }

type Dog struct {
	Animal
	Breed string
}

func (d Dog) Speak() string { return "woof" }

type Loud struct {
	*Dog
	Volume int
}

func (l Loud) Speak() string { return "WOOF" }

type Base struct{ id int }

func (b Base) ID() int { return b.id }

type Derived struct {
	Base
	id int // shadows Base.id
}

func main() {
	d := Dog{Animal{"rex", 4}, "lab"}
	println(d.Name, d.Legs, d.Describe(), d.Speak(), d.Animal.Name)
	d.SetName("max") // promoted pointer method on addressable value
	println(d.Name)
	l := Loud{&d, 11}
	println(l.Speak(), l.Dog.Speak(), l.Name, l.Legs)
	l.SetName("buddy")
	println(d.Name)
	x := Derived{Base{1}, 2}
	println(x.id, x.Base.id, x.ID())
	type Named interface{ Describe() string }
	var n Named = d
	println(n.Describe())
	n = l
	println(n.Describe())
}
