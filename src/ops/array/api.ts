// Builder functions of the array ops, as the tf namespace exports them.
export {};
