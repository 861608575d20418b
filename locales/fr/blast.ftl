# Rayon d'impact d'un fournisseur, d'un produit ou d'un incident, et vue de la concentration.

node-vendor = Fournisseur
node-product = Produit
node-organisation = Notre organisation
node-incident = Incident

blast-title = Rayon d'impact de { $name }
blast-lead = { $kind ->
    [incident] Qui cet incident a atteint, depuis son point de départ, à travers les dépendances envers ces parties et les incidents qu'il a entraînés
    [vendor] Qui dépend de ce fournisseur, directement ou par un nombre quelconque d'intermédiaires, et les incidents qui ont suivi ces dépendances
    [product] Qui dépend de ce produit, directement ou par un nombre quelconque d'intermédiaires, et les incidents qui ont suivi ces dépendances
   *[other] Qui dépend de cette organisation, directement ou par un nombre quelconque d'intermédiaires, et les incidents qui ont suivi ces dépendances
}, au { $date } :
blast-parties = { $count ->
    [one] { $count } partie atteinte au-delà du point de départ.
   *[other] { $count } parties atteintes au-delà du point de départ.
}
blast-help = Une dépendance compte dès qu'elle a commencé, y compris si elle a pris fin depuis ({ $count } ici, en pointillé : une exposition passée compte après une compromission) ; un incident compte dès qu'il est connu. Un fournisseur et ses propres produits sont à un saut ; un incident se propage de son origine et de ses vecteurs vers ses victimes et vers les incidents qu'il a causés.
blast-as-of = Au
blast-chart-title = Rayon d'impact de { $name } au { $date }
blast-chart-desc = { $count } nœuds disposés en colonnes selon le nombre de sauts depuis { $name } ; les flèches pleines sont des dépendances (avec leurs dates et leur criticité), les flèches rouges en tirets des incidents.
blast-chart-hidden = { $count ->
    [one] { $count } lien revenant vers le point de départ n'est pas dessiné.
   *[other] { $count } liens revenant vers le point de départ ne sont pas dessinés.
}
blast-chart-tables = Les tableaux ci-dessous donnent chaque nœud et chaque lien.
blast-caption = Chaque case mène à sa fiche ; les tableaux ci-dessous donnent le même graphe sous forme de texte
blast-caption-hidden = { $count ->
    [one] , y compris { $count } lien revenant vers le point de départ que le dessin omet
   *[other] , y compris { $count } liens revenant vers le point de départ que le dessin omet
}
blast-exposed = Qui est exposé
blast-col-hops = Sauts
blast-col-party = Partie ou incident
blast-col-path = Chemin
blast-col-reached = Atteint par
blast-col-incidents = Incidents sur ce lien
blast-its-radius = son rayon d'impact
blast-edges = Tous les liens
blast-no-edge = Rien ne dépend de { $name } au { $date }.
blast-col-from = De
blast-col-to = Vers
blast-col-kind = Type
blast-col-what = Nature
blast-col-period = Période
blast-col-criticality = Criticité
blast-json = Les mêmes données en JSON :
blast-kind-own-product = Produit propre
blast-kind-dependency = Dépendance
blast-kind-incident = Incident
blast-reached-origin = Point de départ de l'incident (son origine)
blast-reached-start = Le point de départ
blast-edge-own-product = Son propre produit
blast-edge-depends = En dépend : { $period }
blast-edge-depends-critical = En dépend : { $period }, criticité { $criticality }
blast-edge-origin = Origine de l'incident
blast-edge-conduit = Vecteur de l'incident
blast-edge-victim = Victime de l'incident
blast-edge-caused = A causé
blast-edge-title = { $from } → { $to } : { $what }
blast-period-between = { $since } – { $until }
blast-period-since = { $precision ->
    [day] depuis le { $since }
   *[other] depuis { $since }
}
blast-period-until = { $precision ->
    [day] jusqu'au { $until }
   *[other] jusqu'en { $until }
}
blast-period-unknown = dates inconnues
blast-period = { $state ->
    [in_use] { $dates } (en cours)
    [ended] { $dates } (terminée)
   *[other] { $dates }
}
blast-relation-origin = origine
blast-relation-conduit = vecteur
blast-relation-victim = victime
blast-relation-caused = a causé
blast-node-caption = { $kind } · saut { $hops }
blast-node-title = { $name } ({ $kind }), saut { $hops }
blast-column-start = Départ
blast-column-hop = Saut { $hops }

conc-title = Concentration
conc-lead = Les produits et fournisseurs dont dépendent beaucoup de nos fournisseurs (et notre propre organisation), au { $date } : { $count } en cours, { $critical }.
conc-critical-count = { $count ->
    [0] aucune critique ou élevée
    [one] dont { $count } critique ou élevée
   *[other] dont { $count } critiques ou élevées
}
conc-dependency-count = { $count ->
    [one] { $count } dépendance
   *[other] { $count } dépendances
}
conc-help = Seules comptent les dépendances en cours à la date choisie. « Par tout intermédiaire » ajoute les utilisateurs des utilisateurs (quatrièmes parties et au-delà). La part est la fraction de toutes les dépendances critiques ou élevées qui reposent sur le produit ou le fournisseur.
conc-chart-title = Part des dépendances critiques par produit, au { $date }
conc-chart-desc = Une barre par produit, du plus concentré au moins concentré, avec sa part des dépendances critiques ou élevées et son nombre d'utilisateurs ; la barre la plus longue est la plus grande part montrée, les autres à l'échelle. Le tableau ci-dessous donne les mêmes chiffres.
conc-consumer-count = { $count ->
    [one] { $count } utilisateur
   *[other] { $count } utilisateurs
}
conc-products = Produits
conc-suppliers = Fournisseurs
conc-no-product = Aucun produit n'a d'utilisateur au { $date }.
conc-no-supplier = Aucun fournisseur n'a d'utilisateur au { $date }.
conc-supplier = Fournisseur
conc-consumers = Utilisateurs
conc-direct = Directs
conc-any-hops = Par tout intermédiaire
conc-dependencies = Dépendances
conc-critical = Critiques ou élevées
conc-share = Part des critiques
conc-exposure = Exposition
conc-blast-radius = Rayon d'impact
conc-more = { $count ->
    [one] et un autre
   *[other] et { $count } autres
}
